using System.Text.Json;

namespace OrleansMlops.Workers;

/// <summary>
/// What a handler reports for a job it finished: variables for the run, measured metrics (the next gate sees them;
/// the run also gets each as a number variable), the artifact it produced, the data set versions it used, a log excerpt,
/// and the model it trained, if it trained one.
/// </summary>
public sealed record ExternalTaskResult
{
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = new Dictionary<string, JsonElement>();

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public ArtifactBody? Artifact { get; init; }

    /// <summary>Data set id → version; the run gets each as variable <c>dataset.&lt;id&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> Datasets { get; init; } = new Dictionary<string, string>();

    /// <summary>The engine keeps the last 4,000 characters.</summary>
    public string? Log { get; init; }

    /// <summary>
    /// A model this worker trained, registered as the run's new version with this lineage and <see cref="Artifact"/>
    /// (which it needs); the engine refuses the completion when the lineage is incomplete.
    /// </summary>
    public ModelBody? Model { get; init; }

    public ExternalTaskResult WithVariable(string name, string value) => WithVariable(name, JsonSerializer.SerializeToElement(value));

    public ExternalTaskResult WithVariable(string name, double value) => WithVariable(name, JsonSerializer.SerializeToElement(value));

    public ExternalTaskResult WithVariable(string name, bool value) => WithVariable(name, JsonSerializer.SerializeToElement(value));

    public ExternalTaskResult WithMetric(string name, double value) =>
        this with { Metrics = new Dictionary<string, double>(Metrics, StringComparer.Ordinal) { [name] = value } };

    private ExternalTaskResult WithVariable(string name, JsonElement value) =>
        this with { Variables = new Dictionary<string, JsonElement>(Variables, StringComparer.Ordinal) { [name] = value } };
}
