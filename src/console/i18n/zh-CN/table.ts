import type { table as english } from "../en/table.ts";

export const table: Record<keyof typeof english, string> = {
  "table.selectAll": "选择本页所有行",
  "table.select": "选择 {name}",
  "table.total": "共 {n} 条",
  "table.page": "第 {page} / {pages} 页",
  "table.previous": "上一页",
  "table.next": "下一页",
  "table.search": "搜索",
};
