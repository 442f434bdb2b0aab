"""Reading a folder written by `shelfsense-cli export` (CSV or JSON Lines, with manifest.json) into
Spark: shared by the cluster jobs. Runs on the driver."""
import json
import os


def manifest(export_dir):
    with open(os.path.join(export_dir, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def read_table(spark, export_dir, name):
    """One exported table as a DataFrame (every column as the export wrote it: strings for CSV)."""
    listed = manifest(export_dir)
    table = next((t for t in listed["tables"] if t["name"] == name), None)
    if table is None:
        raise SystemExit(f"{export_dir}: the manifest lists no table '{name}'")
    path = os.path.join(export_dir, table["file"])
    if listed["format"] == "csv":
        return spark.read.csv(path, header=True, multiLine=True, escape='"', inferSchema=False)
    return spark.read.json(path)
