namespace OrleansMlops.Abstractions.Workflows;

public enum ProcessStatus
{
    Running,
    Completed,
    Terminated,
    Failed,
}
