using System.Collections.Immutable;

namespace OrleansMlops.Documents.Model;

/// <summary>A whole document: title, an introduction and its sections in order.</summary>
internal sealed record EvidenceDocument(string Title, ImmutableArray<Block> Introduction, ImmutableArray<Section> Sections);

internal sealed record Section(SectionHeading Heading, ImmutableArray<Block> Blocks);
