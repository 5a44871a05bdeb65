using System.Collections.Immutable;

namespace OrleansMlops.Documents.Model;

/// <summary>
/// Lineage of one model version as a three-column graph: inputs (data set files, the code commit) feed the model,
/// the model produces the artifact.
/// </summary>
internal sealed record LineageGraph(ImmutableArray<LineageNode> Inputs, LineageNode Model, LineageNode Artifact);

/// <summary>A node: a stable id (used by Mermaid) and its label lines, first line is the node's kind.</summary>
internal sealed record LineageNode(string Id, ImmutableArray<string> Lines);
