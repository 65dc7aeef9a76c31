"use client";

import { localToday } from "@/components/ui/format";
import { BoardMomentLink } from "./board-moment-link";
import { CopyId } from "./copy-id";
import { describeEvent } from "./describe-event";
import { eventDetails } from "./event-details";
import type { Names } from "./field-values";
import type { AuditItem } from "./types";

const dayFormat = new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric" });
const minuteFormat = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });
const secondFormat = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", second: "2-digit" });
const minuteOf = (date: Date) => Math.floor(date.getTime() / 60_000);

/**
 * The events as a table, newest first and grouped by day (the day heads its first row): when (to the second
 * where two changes share a minute), who, what happened in words with what it was about and its before → after,
 * and behind "Details" the event's type, version and ids. It fits the page without a cut column.
 */
export function AuditLogTable({
  projectId,
  items,
  names,
  subject,
}: {
  projectId: string;
  items: AuditItem[];
  names: Names;
  subject: (item: AuditItem) => string;
}) {
  const perMinute = new Map<number, number>();
  for (const item of items) perMinute.set(minuteOf(item.timestamp), (perMinute.get(minuteOf(item.timestamp)) ?? 0) + 1);
  const today = names.today;
  const noon = new Date(`${today}T12:00`);
  noon.setDate(noon.getDate() - 1);
  const yesterday = localToday(noon);
  const dayLabel = (date: Date) => {
    const day = localToday(date);
    return day === today ? "Today" : day === yesterday ? "Yesterday" : dayFormat.format(date);
  };

  return (
    <div className="rounded-xl border border-border bg-surface">
      <table className="cards-on-phone w-full table-fixed text-left text-sm">
        <caption className="sr-only">Events of the project, newest first, grouped by day</caption>
        <colgroup>
          <col className="w-36" />
          <col className="w-40" />
          <col />
          <col className="w-[32%]" />
        </colgroup>
        <thead className="border-b border-border bg-surface-muted/60 text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">What happened</th>
            <th scope="col" className="px-3 py-2 font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {items.map((item, index) => {
            const firstOfDay = index === 0 || localToday(items[index - 1]!.timestamp) !== localToday(item.timestamp);
            const shared = (perMinute.get(minuteOf(item.timestamp)) ?? 0) > 1;
            return (
              <tr
                key={item.eventId}
                data-event-type={item.type}
                data-day-start={firstOfDay || undefined}
                className={`align-top ${firstOfDay && index > 0 ? "border-t-2 border-t-border-strong" : ""}`}
              >
                <td data-label="When" className="px-3 py-2 text-fg-muted">
                  {firstOfDay ? <p className="mb-0.5 text-xs font-semibold text-fg">{dayLabel(item.timestamp)}</p> : null}
                  <time dateTime={item.timestamp.toISOString()} title={item.timestamp.toISOString()} className="tabular-nums">
                    {(shared ? secondFormat : minuteFormat).format(item.timestamp)}
                  </time>
                </td>
                <td data-label="Who" className="px-3 py-2 break-words text-fg">{item.userName}</td>
                <td data-label="What happened" className="px-3 py-2 [overflow-wrap:anywhere]">
                  <p className="text-xs text-fg-muted">{subject(item)}</p>
                  <p className="text-fg">
                    {item.userName} {describeEvent(item, names)}
                  </p>
                  <div className="flex flex-wrap items-center gap-x-3">
                    <BoardMomentLink projectId={projectId} at={item.timestamp} className="h-6" />
                    <details className="text-[0.6875rem] text-fg-muted">
                      <summary className="inline-flex h-6 cursor-pointer items-center select-none hover:text-fg">Details</summary>
                      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                        <code className="font-mono">
                          {item.type} v{item.storedVersion}
                        </code>
                        <span className="inline-flex items-center gap-1">
                          Correlation <CopyId id={item.correlationId} label="correlation id" />
                        </span>
                        <span className="inline-flex items-center gap-1">
                          Event <CopyId id={item.eventId} label="event id" />
                        </span>
                      </p>
                    </details>
                  </div>
                </td>
                <td data-label="Change" className="px-3 py-2">
                  <ul className="space-y-0.5 text-xs">
                    {eventDetails(item.type, item.data as Record<string, unknown>, names).map((detail) => (
                      <li key={detail.label} className="[overflow-wrap:anywhere]">
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
