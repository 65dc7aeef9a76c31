import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import { describe, expect, it } from "vitest";
import { testPool } from "./helpers/db";

const pool = testPool();

// Which PostgreSQL column types each Prisma scalar may map to.
const compatible: Record<string, string[]> = {
  String: ["text", "uuid", "character varying"],
  Boolean: ["boolean"],
  Int: ["integer", "smallint"],
  Bytes: ["bytea"],
  BigInt: ["bigint"],
  DateTime: ["timestamp with time zone", "timestamp without time zone", "date"],
  Json: ["jsonb", "json"],
};

describe("prisma/schema.prisma agrees with the migrated database", () => {
  it("has every model as a table and every field as a column of a compatible type and nullability", async () => {
    const dmmf = getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
    if ("type" in dmmf) throw dmmf.error;
    const { rows } = await pool.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const problems: string[] = [];
    expect(dmmf.datamodel.models.length).toBeGreaterThan(0);
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      for (const field of model.fields) {
        if (field.kind !== "scalar") continue;
        const column = columns.get(`${table}.${field.dbName ?? field.name}`);
        if (!column) {
          problems.push(`${model.name}.${field.name}: no column ${table}.${field.dbName ?? field.name}`);
          continue;
        }
        // A list is an array column; its element type is named by udt_name ("_text" for text[]).
        const dataType = field.isList ? (column.data_type === "ARRAY" ? column.udt_name.replace(/^_/, "") : "not an array") : column.data_type;
        if (!compatible[field.type]?.includes(dataType)) problems.push(`${model.name}.${field.name}: ${field.type}${field.isList ? "[]" : ""} vs ${column.data_type}`);
        if (field.isRequired !== (column.is_nullable === "NO")) problems.push(`${model.name}.${field.name}: nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });
});
