using System.Text.Json;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using Wire = OrleansMlops.ExternalTasks.Contract;

namespace OrleansMlops.Host.Api.ExternalTasks;

/// <summary>The queue grain's jobs as the wire contract spells them, the shape the worker library reads.</summary>
internal static class WireJobs
{
    public static Wire.LockedJob ToWire(this LockedJob locked) =>
        new(locked.Job.ToWire(), locked.WorkerId, locked.LockExpiresAt, locked.RetriesLeft);

    public static Wire.ExternalJobView ToWire(this ExternalJobView view) => new(
        view.Job.ToWire(),
        view.State switch
        {
            ExternalJobState.Open => Wire.ExternalJobState.Open,
            ExternalJobState.Completed => Wire.ExternalJobState.Completed,
            _ => Wire.ExternalJobState.Failed,
        },
        view.LockedBy,
        view.LockExpiresAt,
        view.AvailableAt,
        view.RetriesLeft,
        view.CompletedBy,
        view.Error,
        view.Delivered);

    private static Wire.ExternalJob ToWire(this ExternalJob job) => new(
        job.JobId,
        job.Topic,
        job.RunId,
        job.NodeId,
        job.Stage,
        job.Attempt,
        job.Variables.ToDictionary(v => v.Key, v => ValueOf(v.Value), StringComparer.Ordinal),
        job.TaskProperties,
        job.Model is { } model ? new Wire.ModelVersionReference(model.Name, model.Version) : null,
        job.CreatedAt);

    // Plain JSON values ("text", 0.81, true), as VariableJsonConverter writes run variables everywhere else.
    private static JsonElement ValueOf(Variable variable) => variable.Kind switch
    {
        VariableKind.Number => JsonSerializer.SerializeToElement(variable.Number),
        VariableKind.Boolean => JsonSerializer.SerializeToElement(variable.Boolean),
        _ => JsonSerializer.SerializeToElement(variable.Text),
    };
}
