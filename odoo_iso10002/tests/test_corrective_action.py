from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import Iso10002Case


@freeze_time("2026-11-24 10:00:00")
class TestCorrectiveAction(Iso10002Case):
    """Corrective and improvement actions (ISO 10002 8.7)."""

    def _action(self, user=None, **values):
        return (
            self.env["iso10002.corrective.action"]
            .with_user(user or self.handler)
            .create(
                {"name": "Pack lamps in double boxes", "date_deadline": date(2026, 12, 1), **values}
            )
        )

    def test_handler_records_action_from_complaint(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        action = self._action(complaint_ids=[Command.link(complaint.id)])
        self.assertEqual(action.user_id, self.handler)
        self.assertEqual(action.state, "open")
        self.assertEqual(complaint.corrective_action_ids, action)

    def test_overdue(self):
        late = self._action(date_deadline=date(2026, 11, 20))
        on_time = self._action()
        done_late = self._action(date_deadline=date(2026, 11, 1))
        done_late.action_done()
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        self.assertFalse(done_late.is_overdue)
        actions = self.env["iso10002.corrective.action"].with_user(self.handler)
        self.assertEqual(actions.search([("is_overdue", "=", True)]), late)
        self.assertEqual(
            actions.search([("is_overdue", "=", False)]) & (late | on_time | done_late),
            on_time | done_late,
        )

    def test_effectiveness_checked_once_done(self):
        action = self._action()
        with self.assertRaises(UserError):
            action.effectiveness = "effective"
        self.assertFalse(action.effectiveness)
        action.action_start()
        action.action_done()
        self.assertEqual(action.date_done, date(2026, 11, 24))
        action.write({"effectiveness": "effective", "effectiveness_note": "No complaint since."})
        self.assertEqual(action.effectiveness_user_id, self.handler)
        self.assertEqual(action.date_effectiveness, date(2026, 11, 24))
        # reopened: done date and verdict no longer hold
        action.action_reopen()
        self.assertFalse(action.date_done)
        self.assertFalse(action.effectiveness)

    def test_access(self):
        action = self._action()
        with self.assertRaises(AccessError):
            action.with_user(self.auditor).name = "Changed"
        self.assertEqual(action.with_user(self.auditor).name, "Pack lamps in double boxes")
        with self.assertRaises(AccessError):
            action.with_user(self.handler).unlink()
        action.with_user(self.manager).unlink()
        self.assertFalse(action.exists())
