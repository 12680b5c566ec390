export const table = {
  "table.selectAll": "Select all rows on this page",
  "table.select": "Select {name}",
  "table.total": "{n} in total",
  "table.page": "Page {page} of {pages}",
  "table.previous": "Previous page",
  "table.next": "Next page",
  "table.search": "Search",
} as const;
