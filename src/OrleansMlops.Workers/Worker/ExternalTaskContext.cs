using System.Globalization;
using System.Text.Json;

namespace OrleansMlops.Workers;

/// <summary>The job a handler works on, with typed access to the run variables it carries.</summary>
public sealed class ExternalTaskContext(LockedJob locked)
{
    public LockedJob Lock { get; } = locked;

    public ExternalJob Job => Lock.Job;

    public string WorkerId => Lock.WorkerId;

    /// <summary>The job's retries left after earlier failure reports; null when no worker has failed it yet.</summary>
    public int? RetriesLeft => Lock.RetriesLeft;

    public bool Has(string name) => Job.Variables.ContainsKey(name);

    /// <summary>A text variable; a number or boolean is given in its invariant text form.</summary>
    public string GetString(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw Wrong(name, "text", value),
        };
    }

    /// <summary>A number variable; a text variable holding an invariant number is read as one.</summary>
    public double GetNumber(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw Wrong(name, "number", value),
        };
    }

    public bool GetBoolean(string name)
    {
        var value = Get(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "boolean", value),
        };
    }

    private JsonElement Get(string name) =>
        Job.Variables.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"Job {Job.JobId} of run {Job.RunId} has no variable '{name}'.");

    private FormatException Wrong(string name, string expected, JsonElement value) =>
        new($"Variable '{name}' of job {Job.JobId} is {value.ValueKind}, not a {expected}.");
}
