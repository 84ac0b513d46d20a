"""Units of the contact book named by the register: by id, by name, or by a parent/child path.

The same rules as the contact import: "东湖区/城关街道" names a unit under its parent; a name two
units share must carry its parent; a plan's owner unit that the book lacks is created (under the
office's top unit, or the parent the path names), while a drill's participant or an action's owner
must already be in the book (a typo there would otherwise grow the tree).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.messages import Problem
from app.domain.plan_input import UnitRef
from app.models import Organization
from app.services.contacts.workbook import UnitTree, guess_kind, split_path
from app.services.context import Context
from app.services.office import audit


class UnitIndex(UnitTree):
    """The unit tree by name (the contact import's), read once per use case, and the units
    this use case creates."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.session = session
        self.made: dict[tuple[str, ...], int] = {}

    def find(self, ref: UnitRef, field: str) -> tuple[int | None, list[Problem]]:
        """The unit ``ref`` names: its id, or None with the problem (unknown or ambiguous)."""
        if isinstance(ref, int):
            if ref in self.by_id:
                return ref, []
            return None, [Problem("plan.unknown_unit", field, {"value": ref})]
        parts = split_path(ref)
        if not parts:
            return None, [Problem("required", field)]
        if tuple(parts) in self.made:
            return self.made[tuple(parts)], []
        found = self.resolve(parts)
        if len(found) == 1:
            return found[0], []
        if found:
            example = "/".join([*self.ancestors(found[0])[:1], parts[-1]])
            return None, [Problem("plan.ambiguous_unit", field, {"value": ref, "count": len(found),
                                                                "example": example})]
        return None, [Problem("plan.unknown_unit", field, {"value": ref})]

    def find_or_create(self, ctx: Context, ref: UnitRef, field: str) -> tuple[int | None, list[Problem]]:
        """As ``find``, but a name the book lacks is created (the contact import's rule)."""
        unit_id, problems = self.find(ref, field)
        if unit_id is not None or isinstance(ref, int) or problems[0].code != "plan.unknown_unit":
            return unit_id, problems
        return self._create(ctx, split_path(ref)), []

    def _create(self, ctx: Context, parts: list[str]) -> int:
        parent, start = self.root, 0
        for i in range(len(parts) - 1, 0, -1):
            head = tuple(parts[:i])
            known = [self.made[head]] if head in self.made else self.resolve(list(head))
            if len(known) == 1:
                parent, start = known[0], i
                break
        for i in range(start, len(parts)):
            unit = Organization(name=parts[i], parent_id=parent, kind=guess_kind(parts[i]),
                                duty_phone="", fax="", address="", sort_order=0)
            self.session.add(unit)
            self.session.flush()
            audit.record(self.session, ctx, "create", "organization", unit.id,
                         after={"name": unit.name, "parent_id": parent, "kind": unit.kind})
            self.by_id[unit.id] = (unit.name, parent)
            self.by_name[unit.name].append(unit.id)
            self.made[tuple(parts[:i + 1])] = unit.id
            parent = unit.id
        if parent is None:  # an empty book and an empty path cannot happen (checked above)
            raise ValueError(parts)
        return parent
