namespace OrleansMlops.Workers.Tests.Handlers;

/// <summary>
/// Stands in for a training job on a cluster the engine does not run: reports the model it "trained" with its artifact,
/// metrics and the lineage it captured, as a Spark or Python trainer would.
/// </summary>
public sealed class TrainingHandler(string topic) : IExternalTaskHandler
{
    public const string ModelName = "credit-risk-worker";

    public static readonly string ArtifactSha256 = new('a', 64);

    public static readonly string TrainFileSha256 = new('b', 64);

    public string Topic => topic;

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new ExternalTaskResult
        {
            Artifact = new ArtifactBody("s3://models/credit/worker.onnx", ArtifactSha256),
            Datasets = new Dictionary<string, string> { ["credit-applicants"] = "2026-10" },
            Log = "trained 200 trees",
            Model = new ModelBody(
                ModelName,
                "credit-applicants",
                "2026-10",
                [new DatasetFileBody("train", "s3://data/credit/train.parquet", TrainFileSha256, 120_000)],
                "9c1d2e3f4a5b",
                new Dictionary<string, string> { ["trees"] = "200" },
                new Dictionary<string, string> { ["python"] = "3.12" },
                ["age"]),
        }.WithMetric("auc", 0.81));
}
