"""Write the demo history (see the package's docstring): python -m scripts.demo"""

from pathlib import Path

from .company import ISO_STEPS
from .history import write
from .simulate import simulate

OUTPUT = Path(__file__).resolve().parents[2] / "odoo_iso10002/demo/iso10002_demo_history.xml"


def summary(complaints):
    steps = {}
    for c in complaints:
        steps[c.step] = steps.get(c.step, 0) + 1
    surveys = [c for c in complaints if c.survey]
    print(f"{len(complaints)} complaints written to {OUTPUT}")
    print("  steps:", ", ".join(f"{step} {steps.get(step, 0)}" for step in ISO_STEPS))
    print(
        f"  surveys sent {len(surveys)}, answered "
        f"{sum('answered' in c.survey for c in surveys)}; escalations "
        f"{sum(len(c.logs) for c in complaints)}; re-opened {sum(c.reopened for c in complaints)}; "
        f"decided late {sum(c.late for c in complaints if 'decision_communicated' in c.dates)}; "
        f"withdrawn {sum(c.withdrawn for c in complaints)}; "
        f"health & safety {sum(c.health_safety for c in complaints)}; compensations "
        f"{[c.compensation for c in complaints if c.compensation and 'response' in c.dates]}"
    )


def main():
    customers, complaints = simulate()
    missing = set(ISO_STEPS) - {complaint.step for complaint in complaints}
    assert not missing, f"no complaint in {missing}: pick another SEED"
    write(customers, complaints, OUTPUT)
    summary(complaints)


if __name__ == "__main__":
    main()
