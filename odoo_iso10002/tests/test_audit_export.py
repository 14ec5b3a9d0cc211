import base64
import csv
import io
import zipfile
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import Iso10002Case


class TestAuditExport(Iso10002Case):
    """The ISO 10002 8.5 audit export, as the auditor who downloads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The auditor works from New York, whose days are not the company's:
        # the export follows the company's days all the same.
        (cls.auditor | cls.manager).tz = "America/New_York"
        cls.other_company = cls.env["res.company"].create({"name": "Other Shop UAB"})
        foreign_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Other Shop Complaints",
                "is_complaint_team": True,
                "company_id": cls.other_company.id,
            }
        )
        cls.iso_stages.team_ids = [Command.link(foreign_team.id)]
        # registered, and so acknowledged, days after the end of the quarter
        with freeze_time(cls._local("2026-10-05 10:00")):
            # 1 July, 01:30 for the company: the first day of the third quarter
            # (30 June in New York; in Vilnius, 22:30 UTC on 30 June)
            cls.first = cls._create_ticket(
                cls.complaint_team, date_received=cls._local("2026-07-01 01:30"), severity="4"
            )
            cls.second = cls._create_ticket(
                cls.other_complaint_team,
                name="Skundas dėl pristatymo",
                is_anonymous=True,
                date_received=cls._local("2026-08-14 09:00"),
            )
            # 1 October, 00:30 for the company: the fourth quarter
            cls.late = cls._create_ticket(
                cls.complaint_team, date_received=cls._local("2026-10-01 00:30")
            )
            # in the period, but in a company the auditor has no access to
            cls.foreign = cls._create_ticket(
                foreign_team, company_id=cls.other_company.id, date_received="2026-08-01 10:00:00"
            )

    def _flush_tracking(self):
        """Tracking values are written when the transaction commits."""
        self.env.flush_all()
        self.env.cr.flush()

    def _export(self, user, context=None, **values):
        wizard = (
            self.env["iso10002.audit.export"]
            .with_user(user)
            .with_context(**(context or {}))
            .create({"date_from": "2026-07-01", "date_to": "2026-09-30", **values})
        )
        action = wizard.action_export()
        self.assertEqual((action["res_id"], wizard.state), (wizard.id, "get"))
        return wizard.file_name, base64.b64decode(wizard.file_data)

    def _xlsx_sheets(self, content):
        """{sheet title: list of rows as dicts by header}"""
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheets = {}
        for sheet in book.worksheets:
            header, *rows = sheet.iter_rows(values_only=True)
            sheets[sheet.title] = [dict(zip(header, row, strict=True)) for row in rows]
            self.assertEqual(sheet.freeze_panes, "A2")
            self.assertTrue(sheet.auto_filter.ref.startswith("A1:"))
            self.assertTrue(sheet["A1"].font.b)
        return sheets

    def test_auditor_exports_xlsx_with_history(self):
        self._flush_tracking()
        self.assertEqual(self.first.iso_step, "acknowledged")
        self.first.stage_id = self._stage("assessment")
        self.env["iso10002.remedy"].create(
            {
                "ticket_id": self.first.id,
                "remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_refund").id,
                "name": "The lamp's price",
                "amount_currency": 49.9,
                "user_id": self.handler.id,
            }
        )._iso_deliver(self._local("2026-09-01 00:30"))
        self._flush_tracking()

        file_name, content = self._export(self.auditor)

        self.assertEqual(file_name, "complaints_audit_2026-07-01_2026-09-30.xlsx")
        sheets = self._xlsx_sheets(content)
        self.assertEqual(list(sheets), ["Complaints", "Remedies", "History"])
        complaints = sheets["Complaints"]
        self.assertEqual(
            [row["Ticket number"] for row in complaints], [self.first.number, self.second.number]
        )
        first, second = complaints
        self.assertEqual(first["Received On"], "2026-07-01 01:30:00")
        self.assertEqual(first["Time Zone"], self.tz)
        self.assertEqual(first["Severity"], "Critical")
        self.assertEqual(first["ISO 10002 Step"], "Initial assessment")
        self.assertEqual(first["Contact"], "Jonas Jonaitis")
        self.assertEqual(first["Health & Safety"], "No")
        self.assertEqual(first["Acknowledgement Deadline"], "Breached")
        self.assertEqual(second["Title"], "Skundas dėl pristatymo")
        self.assertEqual(second["Contact"], "Anonymous")

        [refund] = sheets["Remedies"]
        self.assertEqual(refund["Complaint"], self.first.number)
        self.assertEqual(
            (refund["Remedy"], refund["Description"], refund["Amount"], refund["State"]),
            ("Refund", "The lamp's price", 49.9, "Delivered"),
        )
        self.assertEqual(refund["Responsible"], self.handler.name)
        # the company's day, whatever the auditor's zone
        self.assertEqual(refund["Delivered On"], "2026-09-01 00:30:00")
        self.assertEqual(refund["Time Zone"], self.tz)

        history = sheets["History"]
        self.assertEqual(
            {row["Complaint"] for row in history}, {self.first.number, self.second.number}
        )
        stage_changes = [
            (row["Old Value"], row["New Value"])
            for row in history
            if row["Complaint"] == self.first.number and row["Field"] == "Stage"
        ]
        self.assertIn(("Test Acknowledged", "Test Initial assessment"), stage_changes)
        self.assertTrue(
            any(
                self.first.number in (row["Message"] or "")
                for row in history
                if row["Complaint"] == self.first.number
            ),
            "the acknowledgement mail, with the complaint's reference, is in its history",
        )
        # dates in the company's zone, said on each row
        self.assertEqual(
            {row["Date"] for row in history if row["Complaint"] == self.second.number},
            {"2026-10-05 10:00:00"},
        )
        self.assertEqual({row["Time Zone"] for row in history}, {self.tz})

    def test_period_is_the_companys_local_days(self):
        # whatever the zone of the auditor and of their browser
        for user_tz in ("UTC", "America/New_York"):
            with self.subTest(user_tz=user_tz):
                self.auditor.tz = user_tz
                _name, content = self._export(self.auditor, {"tz": user_tz}, include_history=False)
                complaints = self._xlsx_sheets(content)["Complaints"]
                self.assertEqual(
                    [(row["Ticket number"], row["Received On"]) for row in complaints],
                    [
                        (self.first.number, "2026-07-01 01:30:00"),
                        (self.second.number, "2026-08-14 09:00:00"),
                    ],
                )
                with self.assertRaisesRegex(UserError, "No complaint received"):
                    self._export(
                        self.auditor, {"tz": user_tz}, date_from="2026-04-01", date_to="2026-06-30"
                    )
                _name, content = self._export(
                    self.auditor, {"tz": user_tz}, date_from="2026-10-01", date_to="2026-12-31"
                )
                complaints = self._xlsx_sheets(content)["Complaints"]
                self.assertEqual(
                    [(row["Ticket number"], row["Received On"]) for row in complaints],
                    [(self.late.number, "2026-10-01 00:30:00")],
                )

    def test_csv_zip_keeps_lithuanian_text(self):
        file_name, content = self._export(self.auditor, file_format="csv")

        self.assertEqual(file_name, "complaints_audit_2026-07-01_2026-09-30.zip")
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertEqual(
                sorted(archive.namelist()), ["complaints.csv", "history.csv", "remedies.csv"]
            )
            files = {name: archive.read(name) for name in archive.namelist()}
        for data in files.values():
            self.assertTrue(data.startswith(b"\xef\xbb\xbf"), "a BOM, for Excel")
        header, *rows = csv.reader(io.StringIO(files["complaints.csv"].decode("utf-8-sig")))
        titles = [row[header.index("Title")] for row in rows]
        self.assertEqual(titles, ["The parcel arrived damaged", "Skundas dėl pristatymo"])

        _name, content = self._export(self.auditor, file_format="csv", include_history=False)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            self.assertEqual(archive.namelist(), ["complaints.csv", "remedies.csv"])

    def test_export_follows_teams_and_allowed_companies(self):
        self.manager.company_ids = [Command.link(self.other_company.id)]
        both = self.env["res.company"].browse([self.company.id, self.other_company.id])

        def references(companies, **values):
            context = {"allowed_company_ids": companies.ids}
            _name, content = self._export(self.manager, context, file_format="csv", **values)
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                text = archive.read("complaints.csv").decode("utf-8-sig")
            return {row["Ticket number"] for row in csv.DictReader(io.StringIO(text))}

        one = {self.first.number, self.second.number}
        self.assertEqual(references(self.company), one)
        self.assertEqual(references(both), one | {self.foreign.number})
        self.assertEqual(
            references(both, team_ids=[Command.set(self.other_complaint_team.ids)]),
            {self.second.number},
        )

    def test_handler_cannot_export(self):
        with self.assertRaises(AccessError):
            self.env["iso10002.audit.export"].with_user(self.handler).create(
                {"date_from": "2026-07-01", "date_to": "2026-09-30"}
            )

    def test_period_checks(self):
        with self.assertRaises(ValidationError):
            self.env["iso10002.audit.export"].with_user(self.auditor).create(
                {"date_from": "2026-09-30", "date_to": "2026-07-01"}
            )
        with self.assertRaisesRegex(
            UserError, "No complaint received between 2025-01-01 and 2025-03-31"
        ):
            self._export(self.auditor, date_from="2025-01-01", date_to="2025-03-31")

    def test_default_period_is_previous_quarter(self):
        wizards = self.env["iso10002.audit.export"].with_user(self.auditor)
        for today, period in (
            ("2026-11-15", (date(2026, 7, 1), date(2026, 9, 30))),
            ("2027-01-10", (date(2026, 10, 1), date(2026, 12, 31))),
        ):
            with freeze_time(today):
                wizard = wizards.create({})
            self.assertEqual((wizard.date_from, wizard.date_to), period)

    def test_history_queries_do_not_grow_with_complaints(self):
        def queries():
            # the first export warms the caches of the registry, which
            # creating complaints may have cleared
            self._export(self.auditor)
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._export(self.auditor)
            return self.env.cr.sql_log_count - before

        self._flush_tracking()
        few = queries()
        for index in range(6):
            complaint = self._create_ticket(
                self.complaint_team, date_received=f"2026-08-{index + 1:02d} 09:00:00"
            )
            complaint.message_post(body=f"Phoned the customer ({index})")
        self._flush_tracking()
        self.assertEqual(queries(), few)


class TestAuditExportVilnius(TestAuditExport):
    tz = "Europe/Vilnius"
