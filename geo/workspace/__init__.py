"""Team workspaces: researchers' own platforms, parks, projects and indicator tables, saved and shared.

The pages need only these (plain Python, no Streamlit):

- ``Store()``: the store (SQLite file in ``$JJJ_DATA_DIR``, or PostgreSQL + PostGIS at ``$JJJ_DATABASE_URL``);
- ``entities(store, ws_id)``: a GeoDataFrame with ``geo.registry.COLUMNS`` (+ aliases, values_from,
  workspace, uploaded, version_id);
- ``indicators(store, ws_id)``: a DataFrame with the columns of ``data/indicators.csv`` (+ workspace,
  uploaded, version_id);
- ``merge_with_curated(curated, mine, mode)``: mode ``curated`` / ``mine`` / ``both``.
"""

from geo.workspace.archive import ArchiveError, export_zip, import_zip
from geo.workspace.frames import ENTITY_COLUMNS, MODES, entities, indicators, merge_with_curated, provenance
from geo.workspace.kinds import KINDS, safe_text, template_csv, template_xlsx
from geo.workspace.reading import Limits, Reading, read
from geo.workspace.store import Store, WorkspaceError

__all__ = ["ENTITY_COLUMNS", "KINDS", "MODES", "ArchiveError", "Limits", "Reading", "Store", "WorkspaceError",
           "entities", "export_zip", "import_zip", "indicators", "merge_with_curated", "provenance", "read",
           "safe_text", "template_csv", "template_xlsx"]
