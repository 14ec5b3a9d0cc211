from . import iso10002_complaint_report
