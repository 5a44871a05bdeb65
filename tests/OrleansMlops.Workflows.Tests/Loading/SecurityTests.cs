using System.Text;

namespace OrleansMlops.Workflows.Tests;

/// <summary>BPMN arrives from people and tools we do not control: the loader must refuse hostile XML cleanly and quickly.</summary>
public sealed class SecurityTests
{
    // A guard against hangs, not a speed goal: generous, because the suite runs test projects in parallel on 2 cores.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        var xml = Bpmn.SingleStage().Replace("<bpmn:definitions", "<!DOCTYPE bpmn:definitions []>\n<bpmn:definitions", StringComparison.Ordinal);

        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.Contains("<!DOCTYPE", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public async Task An_external_entity_is_never_resolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET-CONTENT");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <process id="p"><documentation>&xxe;</documentation></process>
                </definitions>
                """;

            var refusal = Bpmn.Refuse(xml);

            Assert.DoesNotContain("TOP-SECRET", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("not allowed", Assert.Single(refusal.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task Billion_laughs_is_refused_quickly()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">");
        }

        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ {entities} ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"><documentation>&lol9;</documentation></process></definitions>
            """;

        var refusal = await Task.Run(() => Bpmn.Refuse(xml)).WaitAsync(Patience);

        Assert.Contains("<!DOCTYPE", Assert.Single(refusal.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_configured_size_is_refused_with_where_the_limit_was_reached()
    {
        var xml = Bpmn.SingleStage();
        var options = new BpmnLoadOptions { MaxCharacters = 300 };

        var problem = Assert.Single(Bpmn.Refuse(xml, options).Problems);

        Assert.Contains("more than the limit of 300", problem.Message, StringComparison.Ordinal);
        Assert.Equal("document", problem.ElementKind);
        var lineOfLimit = xml[..300].Count(character => character == '\n') + 1;
        Assert.Equal(lineOfLimit, problem.Line);
        Assert.Equal(300 - xml[..300].LastIndexOf('\n'), problem.Column);
    }

    [Fact]
    public void The_default_limit_is_two_million_characters()
    {
        var padding = new string(' ', 2_000_000);
        var xml = Bpmn.SingleStage().Replace("<bpmn:endEvent", padding + "<bpmn:endEvent", StringComparison.Ordinal);

        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.Contains("more than the limit of 2000000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_names_the_line_and_column_of_the_fault()
    {
        var xml = Bpmn.Process("""
                <bpmn:startEvent id="start">
                <bpmn:endEvent id="end" />
            """);

        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.StartsWith("the document is not well-formed XML", problem.Message, StringComparison.Ordinal);
        Assert.Equal(Bpmn.FirstBodyLine + 2, problem.Line);
        Assert.True(problem.Column > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<definitions")]
    public void Text_that_is_not_xml_is_refused_not_thrown_as_xml_exception(string xml)
    {
        var problem = Assert.Single(Bpmn.Refuse(xml).Problems);

        Assert.Equal("document", problem.ElementKind);
    }

    [Fact]
    public async Task Deeply_nested_foreign_content_neither_overflows_the_stack_nor_hangs()
    {
        const int depth = 50_000;
        var nested = string.Concat(Enumerable.Repeat("<x:n>", depth)) + string.Concat(Enumerable.Repeat("</x:n>", depth));
        var xml = Bpmn.SingleStage().Replace(
            "<bpmn:startEvent id=\"start\" />",
            $"<bpmn:startEvent id=\"start\"><bpmn:extensionElements xmlns:x=\"urn:x\">{nested}</bpmn:extensionElements></bpmn:startEvent>",
            StringComparison.Ordinal);

        var definition = await Task.Run(() => BpmnLoader.Load(xml)).WaitAsync(Patience);

        Assert.Equal("p", definition.ProcessId);
    }
}
