using System.Collections.Immutable;

namespace OrleansMlops.Documents.Model;

/// <summary>Collects a section's blocks; consecutive facts are grouped into one list.</summary>
internal sealed class SectionBuilder
{
    private readonly ImmutableArray<Block>.Builder _blocks = ImmutableArray.CreateBuilder<Block>();
    private readonly ImmutableArray<Fact>.Builder _facts = ImmutableArray.CreateBuilder<Fact>();

    public SectionBuilder Fact(string label, params TextRun[] value)
    {
        _facts.Add(new Fact(label, [.. value]));
        return this;
    }

    /// <summary>A fact when the value is known, else the explicit "not recorded" line naming what is missing.</summary>
    public SectionBuilder FactOrNotRecorded(string label, string? value, string missing, bool code = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return NotRecorded(missing);
        }

        return Fact(label, code ? TextRun.Code(value) : TextRun.Plain(value));
    }

    public SectionBuilder Paragraph(params TextRun[] content) => Add(new Paragraph([.. content]));

    public SectionBuilder Subheading(string text) => Add(new Subheading(text));

    public SectionBuilder Table(ImmutableArray<string> headers, IEnumerable<ImmutableArray<TextRun>> rows) =>
        Add(new Table(headers, [.. rows]));

    public SectionBuilder NotRecorded(string what) => Add(new NotRecorded(what));

    public SectionBuilder Lineage(LineageGraph graph) => Add(new LineageDiagram(graph));

    public ImmutableArray<Block> Build()
    {
        FlushFacts();
        return _blocks.ToImmutable();
    }

    public Section Build(SectionHeading heading) => new(heading, Build());

    private SectionBuilder Add(Block block)
    {
        FlushFacts();
        _blocks.Add(block);
        return this;
    }

    private void FlushFacts()
    {
        if (_facts.Count > 0)
        {
            _blocks.Add(new FactList(_facts.ToImmutable()));
            _facts.Clear();
        }
    }
}
