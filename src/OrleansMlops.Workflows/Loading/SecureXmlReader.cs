using System.Xml;
using System.Xml.Linq;
using OrleansMlops.Abstractions.Workflows;

namespace OrleansMlops.Workflows;

/// <summary>
/// Parses untrusted XML: no DTD (so no entity expansion and no external entities), no resolver, bounded size, depth
/// and element count, and positions kept on every element for problem reports.
/// </summary>
internal static class SecureXmlReader
{
    public static XDocument? Read(string xml, BpmnLoadOptions options, ProblemList problems)
    {
        var maxCharacters = options.MaxCharacters;
        if (xml.Length > maxCharacters)
        {
            var (line, column) = PositionOf(xml, maxCharacters);
            problems.Add(new WorkflowProblem(
                $"the document has {xml.Length} characters, more than the limit of {maxCharacters}",
                null,
                "document",
                line,
                column));
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            // XDocument.Load spends time growing with the square of the nesting depth (130,000 levels: a minute of CPU),
            // so the shape is checked by a streaming pass first, which costs a few milliseconds per megabyte.
            if (ShapeProblem(xml, settings, options) is { } shapeProblem)
            {
                problems.Add(shapeProblem);
                return null;
            }

            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            problems.Add(Explain(xml, exception));
            return null;
        }
    }

    /// <summary>The first element deeper than <see cref="BpmnLoadOptions.MaxDepth"/> or beyond <see cref="BpmnLoadOptions.MaxElements"/>.</summary>
    private static WorkflowProblem? ShapeProblem(string xml, XmlReaderSettings settings, BpmnLoadOptions options)
    {
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var position = (IXmlLineInfo)reader;
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            elements++;
            var depth = reader.Depth + 1;
            if (depth > options.MaxDepth)
            {
                return new WorkflowProblem(
                    $"element '{reader.Name}' is nested {depth} levels deep, more than the depth limit of {options.MaxDepth}",
                    null,
                    "document",
                    position.LineNumber,
                    position.LinePosition);
            }

            if (elements > options.MaxElements)
            {
                return new WorkflowProblem(
                    $"element '{reader.Name}' is element number {elements}: the document has more than the element limit of {options.MaxElements}",
                    null,
                    "document",
                    position.LineNumber,
                    position.LinePosition);
            }
        }

        return null;
    }

    private static WorkflowProblem Explain(string xml, XmlException exception)
    {
        // The reader refuses a DTD before it reports a position, so the declaration is located here.
        var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        var (line, column) = doctype >= 0 ? PositionOf(xml, doctype) : (0, 0);
        if (doctype >= 0 && (exception.LineNumber == 0 || exception.LineNumber == line))
        {
            return new WorkflowProblem(
                "document type declarations (<!DOCTYPE ...>) are not allowed: they enable entity expansion and external entity attacks",
                null,
                "document",
                line,
                column);
        }

        return new WorkflowProblem(
            $"the document is not well-formed XML: {exception.Message}",
            null,
            "document",
            Math.Max(exception.LineNumber, 1),
            Math.Max(exception.LinePosition, 1));
    }

    private static (int Line, int Column) PositionOf(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var position = 0; position < index; position++)
        {
            if (text[position] == '\n')
            {
                line++;
                lineStart = position + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
