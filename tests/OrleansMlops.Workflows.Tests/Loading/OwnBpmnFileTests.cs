using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansMlops.Workflows.Tests;

/// <summary>
/// Our own BPMN files: every file in Bpmn/ loads; every file in Bpmn/invalid/ is refused with the problems its
/// <c>&lt;!-- expect: elementId | message fragment --&gt;</c> comments announce.
/// </summary>
public sealed partial class OwnBpmnFileTests
{
    public static TheoryData<string> ValidFiles => TestFiles.Names("Bpmn");

    public static TheoryData<string> InvalidFiles => TestFiles.Names(Path.Combine("Bpmn", "invalid"));

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_file_loads_with_its_content_hash(string file)
    {
        var xml = TestFiles.Read(TestFiles.OwnBpmn(file));

        var definition = BpmnLoader.Load(xml);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.ProcessId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml))), definition.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", definition.ContentHash);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_file_is_refused_with_the_announced_problems(string file)
    {
        var xml = TestFiles.Read(TestFiles.OwnBpmn(Path.Combine("invalid", file)));
        var expectations = Expectation().Matches(xml).Select(match => (Id: match.Groups[1].Value.Trim(), Text: match.Groups[2].Value.Trim())).ToList();
        Assert.NotEmpty(expectations);

        var refusal = Bpmn.Refuse(xml);

        foreach (var (id, text) in expectations)
        {
            Assert.True(
                refusal.Problems.Any(problem => problem.ElementId == id && problem.Message.Contains(text, StringComparison.Ordinal)),
                $"Expected a problem on '{id}' containing \"{text}\"; got:\n{refusal.Message}");
        }

        Assert.All(refusal.Problems, problem =>
        {
            Assert.NotNull(problem.ElementKind);
            Assert.True(problem.Line > 0, $"{problem} has no line");
            Assert.True(problem.Column > 0, $"{problem} has no column");
        });
        Assert.Equal(expectations.Count, refusal.Problems.Length);
    }

    [GeneratedRegex(@"<!-- expect: ([^|]+)\|(.+?) -->")]
    private static partial Regex Expectation();
}
