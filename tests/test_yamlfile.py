"""Reading YAML: the fast loader resolves every value to the tag PyYAML's own safe loader gives it."""

from __future__ import annotations

import yaml

from build_tools.yamlfile import _compose

# Plain scalars of every kind the safe resolver tells apart, with near misses of each.
_SCALARS = [
    "", "~", "null", "Null", "NULL", "nul", "yes", "No", "on", "OFF", "y", "n", "true", "False", "TRUE", "tru",
    "0", "-1", "+2", "0700", "0o7", "0x1F", "0b101", "1_000", "190:20:30", "1:30", "3.", ".5", "-.5e3", "1e3", "6.8523015e+5",
    ".inf", "-.Inf", ".NaN", ".nan.", "2020", "2020-01-02", "2020-1-2 10:00:00", "2001-12-14t21:59:43.10-05:00", "2020-13",
    "=", "<<", "The Treaty", "offline", "no one", "Null and void", "1917 revolution", "4th", "-x", "+x", ".x",
]


def _tags(node: yaml.Node) -> list[tuple[str, str, object]]:
    found = [(type(node).__name__, node.tag, node.value if isinstance(node, yaml.ScalarNode) else None)]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found += _tags(key) + _tags(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _tags(item)
    return found


def test_every_value_gets_the_tag_of_pyyaml_safe_loader() -> None:
    plain = "\n".join(f"k{index}: {value}" for index, value in enumerate(_SCALARS))
    quoted = "\n".join(f"q{index}: '{value}'" for index, value in enumerate(_SCALARS))
    text = f"{plain}\n{quoted}\nlist: [1, a, 2020-01-02, ~]\nnested:\n  - {{a: yes, b: [x]}}\n  - !!str 3\n? [complex, key]\n: value\n"
    ours = _compose(text)
    assert ours is not None
    found = _tags(ours)
    assert found == _tags(yaml.compose(text, Loader=yaml.SafeLoader))
    # The sample does reach the resolvers: values become more than strings.
    assert {tag.rsplit(":", 1)[1] for _, tag, _ in found} >= {"null", "bool", "int", "float", "timestamp", "merge", "value", "str", "seq", "map"}
