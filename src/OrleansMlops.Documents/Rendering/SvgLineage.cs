using System.Globalization;
using System.Text;
using OrleansMlops.Documents.Model;

namespace OrleansMlops.Documents.Rendering;

/// <summary>
/// The lineage graph as inline SVG for the HTML documents: inputs in a left column, the model in the middle, the
/// artifact on the right, arrows between them. Drawn here (no script, no external resource) so the page stays
/// standalone; every label is escaped text.
/// </summary>
internal static class SvgLineage
{
    private const int LineHeight = 16;
    private const int Padding = 10;
    private const int Gap = 16;
    private const int InputX = 10;
    private const int InputWidth = 320;
    private const int ModelX = 400;
    private const int ModelWidth = 240;
    private const int ArtifactX = 710;
    private const int ArtifactWidth = 220;
    private const int Width = 940;
    private const int MaxLabel = 44;

    public static void Render(StringBuilder html, LineageGraph graph)
    {
        var inputs = new List<Placed>();
        var y = Gap;
        foreach (var input in graph.Inputs)
        {
            inputs.Add(new Placed(input, InputX, y, InputWidth));
            y += inputs[^1].Height + Gap;
        }

        var total = Math.Max(y, HeightOf(graph.Model) + (2 * Gap));
        var model = new Placed(graph.Model, ModelX, (total - HeightOf(graph.Model)) / 2, ModelWidth);
        var artifact = new Placed(graph.Artifact, ArtifactX, (total - HeightOf(graph.Artifact)) / 2, ArtifactWidth);

        html.Append(Invariant($"<svg class=\"lineage\" viewBox=\"0 0 {Width} {total}\" width=\"{Width}\" height=\"{total}\" role=\"img\" aria-label=\"Lineage: inputs, model, artifact\">\n"));
        html.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>\n");
        foreach (var input in inputs)
        {
            Arrow(html, input, model);
        }

        Arrow(html, model, artifact);
        foreach (var box in inputs.Append(model).Append(artifact))
        {
            Box(html, box);
        }

        html.Append("</svg>\n");
    }

    private static int HeightOf(LineageNode node) => (node.Lines.Length * LineHeight) + (2 * Padding);

    private static void Arrow(StringBuilder html, Placed from, Placed to) =>
        html.Append(Invariant($"<line x1=\"{from.X + from.Width}\" y1=\"{from.CenterY}\" x2=\"{to.X}\" y2=\"{to.CenterY}\" stroke=\"#444\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n"));

    private static void Box(StringBuilder html, Placed box)
    {
        var (node, x, y, width) = box;
        var height = box.Height;
        html.Append(Invariant($"<g class=\"node\" id=\"lineage-{node.Id}\"><rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"6\" fill=\"#f4f6fa\" stroke=\"#5b6b8c\"/>"));
        for (var i = 0; i < node.Lines.Length; i++)
        {
            var weight = i == 0 ? " font-weight=\"bold\"" : string.Empty;
            html.Append(Invariant($"<text x=\"{x + Padding}\" y=\"{y + Padding + ((i + 1) * LineHeight) - 4}\" font-size=\"12\"{weight}>"))
                .Append(HtmlText.Escape(Fit(node.Lines[i])))
                .Append("</text>");
        }

        html.Append("</g>\n");
    }

    // SVG text does not wrap: long paths are cut at the front, where the file name (the telling part) survives.
    private static string Fit(string line)
    {
        var text = PlainText.OneLine(line);
        return text.Length <= MaxLabel ? text : "…" + text[^(MaxLabel - 1)..];
    }

    /// <summary>A node with its position in the drawing.</summary>
    private sealed record Placed(LineageNode Node, int X, int Y, int Width)
    {
        public int Height => HeightOf(Node);

        public int CenterY => Y + (Height / 2);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
