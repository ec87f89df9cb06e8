"""The map component as a test sees it: its arguments, with each area's colour by code."""

from __future__ import annotations

import json

from dashboard.map_component import spec


def map_args(at) -> dict:  # noqa: ANN001 - an AppTest
    """The arguments of the kaart page's map component in its last run."""
    [element] = [e for e in at.get("component_instance")
                 if e.proto.component_name.endswith("buurtkaart")]
    return json.loads(element.proto.json_args)


def codes_of(args: dict) -> list[str]:
    return args["shapes"]["codes"]


def fills(args: dict, codes: list[str]) -> dict[str, str]:
    return spec.fills_by_code(args["paint"], codes)


def legend_text(args: dict) -> str:
    """The legend drawn beside the map: its title and every label, one per line."""
    legend = args["legend"]
    return "\n".join([legend["title"], *(label for _, label in legend["items"])])
