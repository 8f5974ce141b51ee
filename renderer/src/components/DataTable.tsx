import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';

/** A small read-only table: a header row and rows of cells, each row keyed by the caller (never by position alone). */
export const DataTable = ({ label, headers, rows, id }: { label: string; headers: readonly string[]; rows: readonly { key: string; cells: readonly ReactNode[] }[]; id?: string }) => (
  <Table id={id} aria-label={label} size="small">
    <TableHeader>
      <TableRow>
        {headers.map((h, i) => (
          <TableHeaderCell key={`${i}-${h}`}>{h}</TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
    <TableBody>
      {rows.map((r) => (
        <TableRow key={r.key}>
          {r.cells.map((c, i) => (
            <TableCell key={i}>{c}</TableCell>
          ))}
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
