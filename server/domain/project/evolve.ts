import type { ProjectEvent } from "../events";
import type { Column, ProjectState } from "./state";

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case "ProjectCreated":
      return { ...state, exists: true, name: event.data.name, ownerId: event.data.ownerId };
    case "ProjectRenamed":
      return { ...state, name: event.data.name };
    case "MemberAdded":
    case "MemberRoleChanged":
      return { ...state, members: { ...state.members, [event.data.userId]: event.data.role } };
    case "MemberRemoved": {
      const { [event.data.userId]: _removed, ...members } = state.members;
      return { ...state, members };
    }
    case "ColumnAdded": {
      const { columnId, name, wipLimit } = event.data;
      return { ...state, columns: [...state.columns, { id: columnId, name, wipLimit }] };
    }
    case "ColumnRenamed":
      return updateColumn(state, event.data.columnId, { name: event.data.name });
    case "ColumnMoved": {
      const moved = state.columns.find((column) => column.id === event.data.columnId);
      if (!moved) return state;
      const rest = state.columns.filter((column) => column !== moved);
      return { ...state, columns: rest.toSpliced(event.data.toIndex, 0, moved) };
    }
    case "ColumnRemoved":
      return { ...state, columns: state.columns.filter((column) => column.id !== event.data.columnId) };
    case "WipLimitSet":
      return updateColumn(state, event.data.columnId, { wipLimit: event.data.wipLimit });
    case "LabelColourSet":
      return { ...state, labelColours: { ...state.labelColours, [event.data.label]: event.data.colour } };
    case "AutomationRuleAdded": {
      const { ruleId, name, trigger, action } = event.data;
      return { ...state, rules: [...state.rules, { ruleId, name, trigger, action }] };
    }
    case "AutomationRuleRemoved":
      return { ...state, rules: state.rules.filter((rule) => rule.ruleId !== event.data.ruleId) };
    case "ReviewSagaConfigured": {
      const { columnId, reviewerRole, timeoutSeconds } = event.data;
      return { ...state, reviewSaga: columnId === null ? null : { columnId, reviewerRole, timeoutSeconds } };
    }
    case "ExportGenerated":
    case "SigningKeyRotated":
    case "DeadLetterRetried":
    case "DeadLetterSkipped":
      return state;
  }
}

function updateColumn(state: ProjectState, columnId: string, change: Partial<Column>): ProjectState {
  return {
    ...state,
    columns: state.columns.map((column) => (column.id === columnId ? { ...column, ...change } : column)),
  };
}
