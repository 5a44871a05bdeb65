using OrleansMlops.Documents.Facts;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Writers;

/// <summary>Builds the lineage graph of a version from its registry entry: data set files and code → model → artifact.</summary>
internal static class LineageGraphs
{
    public static LineageGraph From(EvidenceFacts facts)
    {
        var lineage = facts.Lineage;
        var dataset = $"{lineage.DatasetId}@{lineage.DatasetVersion}";
        var inputs = facts.Files
            .Select((file, i) => new LineageNode(
                $"file{i + 1}",
                [$"{file.Role} data", file.Path, $"{dataset}, {Invariant.Number(file.Rows)} rows", $"sha256 {Invariant.Short(file.Sha256)}"]))
            .Append(new LineageNode("code", ["code", $"commit {Invariant.Short(lineage.CodeCommit)}"]));

        var model = new LineageNode(
            "model",
            ["model", $"{facts.Name} v{facts.Version}", $"trained by {lineage.TrainedBy}", Invariant.Instant(lineage.TrainedAt)]);
        var artifact = new LineageNode("artifact", ["artifact", $"sha256 {Invariant.Short(facts.Registration.ArtifactSha256)}"]);
        return new LineageGraph([.. inputs], model, artifact);
    }
}
