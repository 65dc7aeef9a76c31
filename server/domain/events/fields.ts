import { z } from "zod";

/** Field schemas shared by events and commands, so limits are stated once. */
export const Id = z.uuid();
export const UserId = z.string().min(1).max(64);
/** A person's display name, as they sign up or change it. */
export const UserName = z.string().trim().min(1, "Name cannot be empty").max(100, "Name is longer than 100 characters");
export const Title = z.string().trim().min(1, "Title cannot be empty").max(200, "Title is longer than 200 characters");
export const Description = z.string().max(20_000, "Description is longer than 20,000 characters");
export const ProjectName = z.string().trim().min(1, "Project name cannot be empty").max(100, "Project name is longer than 100 characters");
export const ColumnName = z.string().trim().min(1, "Column name cannot be empty").max(60, "Column name is longer than 60 characters");
export const WipLimit = z.number().int().min(1).max(999).nullable();
export const Rank = z.string().min(1).max(200);
export const Priority = z.enum(["none", "low", "medium", "high", "urgent"]);
export const Label = z.string().trim().min(1, "Label cannot be empty").max(40, "Label is longer than 40 characters");
export const DueDate = z.iso.date();
/**
 * The colours a label may have: a fixed palette, so that every one is drawn with enough contrast in the light
 * and the dark theme (components/board/label-colours.ts holds how each is drawn).
 */
export const labelColours = ["grey", "red", "orange", "amber", "green", "teal", "blue", "indigo", "purple", "pink"] as const;
export const LabelColour = z.enum(labelColours, { error: `Choose one of the label colours: ${labelColours.join(", ")}` });
export const CommentBody = z.string().trim().min(1, "Comment cannot be empty").max(10_000, "Comment is longer than 10,000 characters");
export const Role = z.enum(["owner", "admin", "member", "viewer", "auditor"]);
export const ExportFormat = z.enum(["ndjson", "csv"]);
/** A SHA-256 as 64 lowercase hex digits, as the audit hash chain writes it. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "Not a SHA-256 in lowercase hex");
export const Instant = z.iso.datetime({ offset: true });
export const Position = z.number().int().min(1);
/** A read model's projector, as the projection runner names it (e.g. task_list). */
export const ProjectorName = z.string().max(63).regex(/^[a-z][a-z0-9_.-]{0,62}$/, "Not a projector name");
/** Why an operator decided as they did, kept in the log with the decision. */
export const Reason = z.string().trim().min(1, "Give a reason").max(500, "Reason is longer than 500 characters");

export type Priority = z.infer<typeof Priority>;
export type Role = z.infer<typeof Role>;
export type LabelColour = z.infer<typeof LabelColour>;
export type ExportFormat = z.infer<typeof ExportFormat>;
