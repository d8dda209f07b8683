"""`[keys]` in feeds.toml, checked before it is applied: a rebinding must not steal a key.

Textual applies a keymap by binding id and says nothing when the new key already belongs to
another binding that is active at the same time (the README's own `filter = "f"` took the feed
menu's key). Here every place keys are read together — the app's bindings, one screen's, and one
focused widget's — is checked with the keymap applied; a rebound key that meets another binding
there is refused, with an error naming both actions, and the rest of the keymap still applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType

Scope = tuple[str, Sequence[type]]  # (where, classes whose bindings are active together)


@dataclass(frozen=True, slots=True)
class Clash:
    action: str  # the binding id the user rebound
    key: str
    other: str  # the binding id that already has the key there
    other_description: str
    where: str

    def describe(self) -> str:
        return (
            f'[keys] {self.action} = "{self.key}" not applied: {self.key} is already '
            f"{self.other} ({self.other_description}) {self.where}. Pick another key."
        )


def _bindings(classes: Iterable[type]) -> list[Binding]:
    """Our own bindings of *classes*, inherited ones included (Textual's are its business)."""
    found: list[Binding] = []
    for cls in classes:
        for ancestor in cls.__mro__:
            if ancestor.__module__.startswith("tui."):
                for item in ancestor.__dict__.get("BINDINGS", []):
                    found += list(_expand(item))
    return found


def _expand(item: BindingType) -> Iterable[Binding]:
    binding = item if isinstance(item, Binding) else Binding(*item)
    for key in binding.key.split(","):
        yield Binding(key.strip(), binding.action, binding.description, id=binding.id)


def clashes(keymap: Mapping[str, str], scopes: Iterable[Scope]) -> list[Clash]:
    """Every (rebound action, key) that meets another binding in some scope."""
    found: dict[tuple[str, str], Clash] = {}
    for where, classes in scopes:
        owners: dict[str, list[Binding]] = {}
        for binding in _bindings(classes):
            if binding.id in keymap:
                continue  # its keys are the keymap's now
            owners.setdefault(binding.key, []).append(binding)
        for action, keys in keymap.items():
            if not any(b.id == action for b in _bindings(classes)):
                continue  # that action is not bound here
            for key in (k.strip() for k in keys.split(",")):
                for other in owners.get(key, []):
                    if other.id != action:
                        found.setdefault(
                            (action, key),
                            Clash(action, key, other.id or other.action, other.description, where),
                        )
    return list(found.values())


def checked_keymap(
    keymap: Mapping[str, str], scopes: Sequence[Scope]
) -> tuple[dict[str, str], list[Clash]]:
    """The keymap without its clashing actions, and the clashes (to tell the user)."""
    problems = clashes(keymap, scopes)
    refused = {c.action for c in problems}
    return {a: k for a, k in keymap.items() if a not in refused}, problems
