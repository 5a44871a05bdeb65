namespace OrleansMlops.Stages.Tests;

public sealed class StagesOptionsValidatorTests
{
    private readonly StagesOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(_validator.Validate(null, new StagesOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(StagesOptions.DataDirectory), " ",
        "Stages:DataDirectory is required: the folder holding train.csv, validation.csv and test.csv (a relative path resolves against Stages:BaseDirectory).")]
    [InlineData(nameof(StagesOptions.ArtifactDirectory), "",
        "Stages:ArtifactDirectory is required: the root of the content-addressed model store (a relative path resolves against Stages:BaseDirectory).")]
    [InlineData(nameof(StagesOptions.ArtifactDirectory), "bad\0dir",
        "Stages:ArtifactDirectory contains characters not allowed in a path; got 'bad\0dir'.")]
    [InlineData(nameof(StagesOptions.BaseDirectory), "relative/dir",
        "Stages:BaseDirectory must be an absolute path; got 'relative/dir'.")]
    [InlineData(nameof(StagesOptions.ModelName), "Credit Risk/2",
        "Stages:ModelName 'Credit Risk/2' must be 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (it becomes part of the model version key 'name/version').")]
    [InlineData(nameof(StagesOptions.CodeCommit), "",
        "Stages:CodeCommit must be a commit id without spaces; use 'unknown' when it is not known. Got ''.")]
    public void Invalid_settings_are_explained(string property, string value, string message)
    {
        var options = new StagesOptions();
        typeof(StagesOptions).GetProperty(property)!.SetValue(options, value);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public void All_problems_are_reported_together()
    {
        var options = new StagesOptions { DataDirectory = "", ArtifactDirectory = "", ModelName = "", CodeCommit = "a b" };

        Assert.Equal(4, _validator.Validate(null, options).Failures!.Count());
    }
}
