import { expect, test } from "bun:test";
import { applyListQuery, parseFilters } from "./list-query.ts";

const FIELDS = ["name", "n", "tag"];
const rows = [
  { name: "a", n: 9, tag: null },
  { name: "b", n: 10, tag: "x" },
  { name: "c", n: 9, tag: "y" },
  { name: "d", n: null, tag: "x" },
];
const names = (q: Parameters<typeof applyListQuery>[1]) => applyListQuery(rows, q, FIELDS).data.map((r) => r.name);

test("numbers sort by value, not as text; equal keys keep their order; nulls last either way", () => {
  expect(names({ sortBy: "n" })).toEqual(["a", "c", "b", "d"]);
  expect(names({ sortBy: "n", sortReverse: true })).toEqual(["b", "a", "c", "d"]);
  expect(names({ sortBy: "tag" })).toEqual(["b", "d", "c", "a"]);
});

test("a filter's values are OR-ed, filters AND-ed; null matches the empty value; total counts before paging", () => {
  expect(names({ filter: ["tag==x,y"] })).toEqual(["b", "c", "d"]);
  expect(names({ filter: ["tag==x,y", "n==9"] })).toEqual(["c"]);
  expect(names({ filter: ["tag=="] })).toEqual(["a"]);
  expect(applyListQuery(rows, { filter: ["tag==x"], start: 1, limit: 5 }, FIELDS)).toEqual({ total: 2, data: [rows[3]!] });
});

test("the first == splits name from values; a bad filter names itself and the fields", () => {
  expect(parseFilters(["tag==a==b"], FIELDS)).toEqual([{ field: "tag", values: ["a==b"] }]);
  expect(() => parseFilters(["tag=x"], FIELDS)).toThrow('filter "tag=x": write name==value');
  expect(() => parseFilters(["==x"], FIELDS)).toThrow("write name==value");
  expect(() => parseFilters(["size==1"], FIELDS)).toThrow('no field "size" (fields: name, n, tag)');
  expect(() => applyListQuery(rows, { sortBy: "size" }, FIELDS)).toThrow('sortBy: no field "size"');
});
