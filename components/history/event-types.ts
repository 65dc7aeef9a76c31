/** Every event type the log holds, with a short name for people; the audit log filters on these. */
export const eventTypeLabels: Record<string, string> = {
  ProjectCreated: "Project created",
  ProjectRenamed: "Project renamed",
  MemberAdded: "Member added",
  ColumnAdded: "Column added",
  ColumnRenamed: "Column renamed",
  ColumnMoved: "Column moved",
  ColumnRemoved: "Column removed",
  WipLimitSet: "WIP limit set",
  TaskCreated: "Task created",
  TaskRenamed: "Task renamed",
  TaskDescriptionChanged: "Description changed",
  TaskMoved: "Task moved",
  TaskAssigned: "Task assigned",
  TaskUnassigned: "Task unassigned",
  TaskPriorityChanged: "Priority changed",
  TaskDueDateSet: "Due date set",
  TaskDueDateCleared: "Due date cleared",
  TaskLabelAdded: "Label added",
  TaskLabelRemoved: "Label removed",
  TaskCommented: "Comment added",
  TaskArchived: "Task archived",
  TaskRestored: "Task restored",
  ExportGenerated: "Compliance export generated",
};

export const eventTypeLabel = (type: string) => eventTypeLabels[type] ?? type;
