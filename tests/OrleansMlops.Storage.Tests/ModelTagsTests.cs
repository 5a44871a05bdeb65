using OrleansMlops.Abstractions.Models;

namespace OrleansMlops.Storage.Tests;

public sealed class ModelTagsTests
{
    [Fact]
    public void A_comma_separated_list_becomes_a_sorted_set()
    {
        Assert.Equal(["retail", "scorecard", "v2.1:beta"], ModelTags.Parse(" scorecard, retail ,,v2.1:beta,retail").AsEnumerable());
        Assert.Empty(ModelTags.Parse(null));
        Assert.Empty(ModelTags.Parse(" , "));
    }

    [Theory]
    [InlineData("Retail")]
    [InlineData("retail credit")]
    [InlineData("retail_credit")]
    [InlineData("")]
    public void A_bad_tag_is_refused_by_name(string tag)
    {
        var problem = ModelTags.Problem(["retail", tag]);

        Assert.NotNull(problem);
        Assert.Contains($"'{tag}'", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ModelTags.Validate(["retail", tag]));
    }

    [Fact]
    public void Tags_are_at_most_64_characters_and_20_per_version()
    {
        Assert.Null(ModelTags.Problem([new string('a', 64)]));
        Assert.NotNull(ModelTags.Problem([new string('a', 65)]));
        Assert.Null(ModelTags.Problem([.. Enumerable.Range(0, 20).Select(i => $"t{i}"), "t0"]));
        Assert.Contains("at most 20", ModelTags.Problem([.. Enumerable.Range(0, 21).Select(i => $"t{i}")]), StringComparison.Ordinal);
    }
}
