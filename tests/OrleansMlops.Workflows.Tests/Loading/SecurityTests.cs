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
    public async Task Deeply_nested_content_is_refused_naming_the_depth_limit_and_where_it_was_passed()
    {
        const int depth = 130_000;
        var nested = string.Concat(Enumerable.Repeat("<x:n>", depth)) + string.Concat(Enumerable.Repeat("</x:n>", depth));
        var xml = Bpmn.Process($"""
                <bpmn:startEvent id="start" />
                <bpmn:endEvent id="end"><bpmn:extensionElements xmlns:x="urn:x">{nested}</bpmn:extensionElements></bpmn:endEvent>
            """);

        var refusal = await Task.Run(() => Bpmn.Refuse(xml)).WaitAsync(Patience);

        var problem = Assert.Single(refusal.Problems);
        Assert.Equal("element 'x:n' is nested 65 levels deep, more than the depth limit of 64", problem.Message);
        Assert.Equal("document", problem.ElementKind);
        Assert.Equal(Bpmn.FirstBodyLine + 1, problem.Line);
        var line = xml.Split('\n')[Bpmn.FirstBodyLine];
        var sixtyFirstNested = IndexOfOccurrence(line, "<x:n>", 61);
        Assert.Equal(sixtyFirstNested + 2, problem.Column);
    }

    [Fact]
    public void Nesting_exactly_at_the_depth_limit_loads()
    {
        // definitions, process, startEvent and extensionElements are four levels; the limit leaves room for the rest.
        var xml = NestedInStartEvent(BpmnLoadOptions.Default.MaxDepth - 4);

        var definition = Bpmn.Load(xml);

        Assert.Equal("p", definition.ProcessId);
        Assert.Contains("nested 65 levels deep", Assert.Single(Bpmn.Refuse(NestedInStartEvent(BpmnLoadOptions.Default.MaxDepth - 3)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_depth_limit_is_the_one_enforced()
    {
        var options = new BpmnLoadOptions { MaxDepth = 2 };

        var problem = Assert.Single(Bpmn.Refuse(Bpmn.SingleStage(), options).Problems);

        Assert.Equal("element 'bpmn:startEvent' is nested 3 levels deep, more than the depth limit of 2", problem.Message);
        Assert.Equal(Bpmn.FirstBodyLine, problem.Line);
    }

    [Fact]
    public async Task A_document_with_more_elements_than_the_limit_is_refused_naming_the_limit_and_the_first_element_beyond_it()
    {
        // 1 MB of empty elements, the widest document a request body can carry.
        var wide = string.Concat(Enumerable.Repeat("<x:n/>", 170_000));
        var xml = Bpmn.Process($"""
                <bpmn:startEvent id="start" />
                <bpmn:endEvent id="end"><bpmn:extensionElements xmlns:x="urn:x">{wide}</bpmn:extensionElements></bpmn:endEvent>
            """);

        var refusal = await Task.Run(() => Bpmn.Refuse(xml)).WaitAsync(Patience);

        var problem = Assert.Single(refusal.Problems);
        Assert.Equal("element 'x:n' is element number 50001: the document has more than the element limit of 50000", problem.Message);
        Assert.Equal(Bpmn.FirstBodyLine + 1, problem.Line);
        // definitions, process, startEvent, endEvent and extensionElements come before the first x:n.
        var line = xml.Split('\n')[Bpmn.FirstBodyLine];
        Assert.Equal(IndexOfOccurrence(line, "<x:n/>", 50_001 - 5) + 2, problem.Column);
    }

    [Fact]
    public void A_document_with_as_many_elements_as_the_limit_loads()
    {
        var options = new BpmnLoadOptions { MaxElements = 7 };

        // definitions, process, startEvent, serviceTask, endEvent and the two flows.
        var definition = Bpmn.Load(Bpmn.SingleStage(), options);

        Assert.Equal(3, definition.Nodes.Count);
        var problem = Assert.Single(Bpmn.Refuse(Bpmn.SingleStage(), options with { MaxElements = 6 }).Problems);
        Assert.Contains("element 'bpmn:endEvent' is element number 7", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_lists_the_first_200_problems_and_says_how_many_more_and_where_the_next_is()
    {
        // One task without an id per line: each is a problem of its own.
        var xml = Bpmn.Process(string.Join("\n", Enumerable.Repeat("    <bpmn:task />", 250)));

        var problems = Bpmn.Refuse(xml).Problems;

        Assert.Equal(201, problems.Length);
        Assert.All(problems[..200], problem => Assert.StartsWith("the task has no id", problem.Message, StringComparison.Ordinal));
        var more = problems[^1];
        // The 50 tasks past the first 200, and the missing start event.
        Assert.StartsWith("51 more problem(s) not listed: only the first 200 are; the next is 'the task has no id", more.Message, StringComparison.Ordinal);
        Assert.Equal(Bpmn.FirstBodyLine + 200, more.Line);
    }

    private static string NestedInStartEvent(int levels)
    {
        var nested = string.Concat(Enumerable.Repeat("<x:n>", levels)) + string.Concat(Enumerable.Repeat("</x:n>", levels));
        return Bpmn.SingleStage().Replace(
            "<bpmn:startEvent id=\"start\" />",
            $"<bpmn:startEvent id=\"start\"><bpmn:extensionElements xmlns:x=\"urn:x\">{nested}</bpmn:extensionElements></bpmn:startEvent>",
            StringComparison.Ordinal);
    }

    private static int IndexOfOccurrence(string text, string value, int occurrence)
    {
        var index = -1;
        for (var found = 0; found < occurrence; found++)
        {
            index = text.IndexOf(value, index + 1, StringComparison.Ordinal);
        }

        return index;
    }
}
