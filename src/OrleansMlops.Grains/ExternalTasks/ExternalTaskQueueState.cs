namespace OrleansMlops.Grains.ExternalTasks;

[GenerateSerializer, Alias("mlops.external-task-queue-state")]
public sealed class ExternalTaskQueueState
{
    /// <summary>Jobs by id, in the order they were enqueued.</summary>
    [Id(0)]
    public Dictionary<string, QueuedJob> Jobs { get; set; } = new(StringComparer.Ordinal);
}
