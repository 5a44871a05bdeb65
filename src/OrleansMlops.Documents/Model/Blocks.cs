using System.Collections.Immutable;

namespace OrleansMlops.Documents.Model;

/// <summary>
/// The block vocabulary of an evidence document. Markdown and HTML are both rendered from these blocks, so the two
/// formats cannot drift apart and no Markdown parser is needed.
/// </summary>
internal abstract record Block;

/// <summary>A sub-heading inside a section.</summary>
internal sealed record Subheading(string Text) : Block;

internal sealed record Paragraph(ImmutableArray<TextRun> Content) : Block;

/// <summary>Label/value pairs, rendered as a bullet list.</summary>
internal sealed record FactList(ImmutableArray<Fact> Facts) : Block;

internal sealed record Fact(string Label, ImmutableArray<TextRun> Value);

internal sealed record Table(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<TextRun>> Rows) : Block;

/// <summary>
/// Evidence the registry does not hold. Said explicitly, never left out, so a reader (or an auditor) sees the gap.
/// </summary>
internal sealed record NotRecorded(string What) : Block
{
    public const string Prefix = "Not recorded in the registry: ";

    public string Text => Prefix + What;
}

/// <summary>Where the model came from: a Mermaid flowchart in Markdown, an inline SVG in HTML.</summary>
internal sealed record LineageDiagram(LineageGraph Graph) : Block;
