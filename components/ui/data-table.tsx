import type { ComponentProps, ReactNode } from "react";

/** Cell padding shared by every admin table: each column but the last keeps a gap to its right. */
export const cell = "py-2 pr-4";
export const lastCell = "py-2";

/** One header row of column titles; the last column drops the right padding, as the cells below do. */
export function TableHeader({ columns, dense = false }: { columns: readonly ReactNode[]; dense?: boolean }) {
  const padding = dense ? "py-1" : "py-2";
  return (
    <thead className="border-b border-zinc-200 text-zinc-600">
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={`${padding} ${index < columns.length - 1 ? "pr-4 " : ""}font-medium`}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

type DataTableProps = ComponentProps<"table"> & {
  /** Read by screen readers only (WCAG 2.2, technique H39): what the table lists. */
  caption: string;
  columns: readonly ReactNode[];
};

/** A staff-console table: a hidden caption, one header row, and the caller's rows as its body. */
export function DataTable({ caption, columns, children, className = "", ...props }: DataTableProps) {
  return (
    <table className={["w-full text-left text-sm", className].filter(Boolean).join(" ")} {...props}>
      <caption className="sr-only">{caption}</caption>
      <TableHeader columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}
