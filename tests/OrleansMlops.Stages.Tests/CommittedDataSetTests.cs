using OrleansMlops.Stages.Data;
using OrleansMlops.Stages.Tests.Support;

namespace OrleansMlops.Stages.Tests;

public sealed class CommittedDataSetTests
{
    [Fact]
    public void Regenerated_files_equal_committed_files()
    {
        // Documented in data/credit/README.md: the same test rewrites the files when asked to.
        if (Environment.GetEnvironmentVariable("MLOPS_REGENERATE_CREDIT_DATA") == "1")
        {
            CreditDataSplit.WriteDefault(RepositoryRoot.CreditDataDirectory);
        }

        var regenerated = CreditDataSplit.Render(new CreditDataGenerator().Generate());

        Assert.Equal(3, regenerated.Count);
        foreach (var (name, content) in regenerated)
        {
            var committed = File.ReadAllBytes(Path.Combine(RepositoryRoot.CreditDataDirectory, name));
            Assert.True(content.AsSpan().SequenceEqual(committed), $"{name} differs from the regenerated data set.");
        }
    }

    [Fact]
    public void Split_is_60_20_20_by_position()
    {
        var files = CreditDataSplit.Render(new CreditDataGenerator().Generate());

        var train = CreditCsv.Parse(files[CreditDataSplit.TrainFile]);
        var validation = CreditCsv.Parse(files[CreditDataSplit.ValidationFile]);
        var test = CreditCsv.Parse(files[CreditDataSplit.TestFile]);

        Assert.Equal((1_200, 400, 400), (train.Count, validation.Count, test.Count));
        Assert.Equal([1, 1_201, 1_601], [train[0].ApplicantId, validation[0].ApplicantId, test[0].ApplicantId]);
    }

    [Fact]
    public void Same_seed_gives_the_same_applicants_and_another_seed_others()
    {
        var first = new CreditDataGenerator(seed: 7).Generate(50);
        var again = new CreditDataGenerator(seed: 7).Generate(50);
        var other = new CreditDataGenerator(seed: 8).Generate(50);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Csv_round_trips_every_generated_value()
    {
        var applicants = new CreditDataGenerator().Generate();

        var parsed = CreditCsv.Parse(CreditCsv.Format(applicants));

        Assert.Equal(applicants, parsed);
    }

    [Fact]
    public void Csv_parse_names_the_line_of_a_bad_value()
    {
        var content = System.Text.Encoding.UTF8.GetBytes(CreditCsv.Header + "\n1,40,male,abc,0.2,3.0,0,1000,2.0,0\n");

        var error = Assert.Throws<InvalidDataException>(() => CreditCsv.Parse(content));

        Assert.Equal("Line 2: income must be an integer, found 'abc'.", error.Message);
    }

    [Fact]
    public void Women_have_lower_incomes_but_sex_is_not_a_model_feature()
    {
        var applicants = new CreditDataGenerator().Generate();

        static double MedianIncome(IEnumerable<CreditApplicant> group)
        {
            var incomes = group.Select(a => a.Income).Order().ToArray();
            return incomes[incomes.Length / 2];
        }

        Assert.True(MedianIncome(applicants.Where(a => a.Sex == CreditCsv.Female))
            < MedianIncome(applicants.Where(a => a.Sex == CreditCsv.Male)));
        Assert.DoesNotContain(Modeling.CreditModelInput.FeatureColumns, column => column.Contains("sex", StringComparison.OrdinalIgnoreCase));
    }
}
