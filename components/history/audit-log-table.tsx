"use client";

import { formatTimestamp } from "@/components/ui/format";
import { CopyId } from "./copy-id";
import { eventDetails } from "./event-details";
import { eventTypeLabel } from "./event-types";
import type { Names } from "./field-values";
import type { AuditItem } from "./types";

/** The events as a table, newest first: when, who, what it was about, its before → after, its correlation id. */
export function AuditLogTable({ items, names, subject }: { items: AuditItem[]; names: Names; subject: (item: AuditItem) => string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-border bg-surface">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">Events of the project, newest first</caption>
        <thead className="border-b border-border bg-surface-muted/60 text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">Event</th>
            <th scope="col" className="px-3 py-2 font-medium">Change</th>
            <th scope="col" className="px-3 py-2 font-medium">Correlation</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {items.map((item) => (
            <tr key={item.eventId} data-event-type={item.type} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap text-fg-muted">
                <time dateTime={item.timestamp.toISOString()} title={item.timestamp.toISOString()}>
                  {formatTimestamp(item.timestamp)}
                </time>
              </td>
              <td className="px-3 py-2 whitespace-nowrap text-fg">{item.userName}</td>
              <td className="px-3 py-2">
                <p className="font-medium text-fg">{eventTypeLabel(item.type)}</p>
                <p className="max-w-56 truncate text-xs text-fg-muted">{subject(item)}</p>
                <code className="font-mono text-[0.6875rem] text-fg-muted">
                  {item.type} v{item.storedVersion}
                </code>
              </td>
              <td className="px-3 py-2">
                <ul className="space-y-0.5 text-xs">
                  {eventDetails(item.type, item.data as Record<string, unknown>, names).map((detail) => (
                    <li key={detail.label} className="break-words">
                      <span className="font-medium text-fg-muted">{detail.label}:</span>{" "}
                      {detail.before !== undefined ? (
                        <>
                          <span className="text-fg-muted line-through decoration-fg-muted/50">{detail.before}</span>{" "}
                          <span aria-hidden="true" className="text-fg-muted">→</span>
                          <span className="sr-only">changed to</span>{" "}
                        </>
                      ) : null}
                      <span className="text-fg">{detail.after}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2">
                <CopyId id={item.correlationId} label="correlation id" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
