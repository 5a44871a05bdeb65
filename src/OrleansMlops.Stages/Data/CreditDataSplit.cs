namespace OrleansMlops.Stages.Data;

/// <summary>
/// The 60/20/20 split into train, validation and test files. Applicants are drawn independently, so contiguous slices
/// of the generated sequence are random samples and need no shuffle.
/// </summary>
public static class CreditDataSplit
{
    public const string TrainRole = "train";

    public const string ValidationRole = "validation";

    public const string TestRole = "test";

    public const string TrainFile = "train.csv";

    public const string ValidationFile = "validation.csv";

    public const string TestFile = "test.csv";

    /// <summary>The files by role, in lineage order.</summary>
    public static IReadOnlyList<(string Role, string FileName)> Files { get; } =
    [
        (TrainRole, TrainFile),
        (ValidationRole, ValidationFile),
        (TestRole, TestFile),
    ];

    /// <summary>The contents of each file, keyed by file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(IReadOnlyList<CreditApplicant> applicants)
    {
        var trainEnd = applicants.Count * 6 / 10;
        var validationEnd = applicants.Count * 8 / 10;
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [TrainFile] = CreditCsv.Format(applicants.Take(trainEnd)),
            [ValidationFile] = CreditCsv.Format(applicants.Take(validationEnd).Skip(trainEnd)),
            [TestFile] = CreditCsv.Format(applicants.Skip(validationEnd)),
        };
    }

    /// <summary>Generates the default data set and writes its three files into <paramref name="directory"/>.</summary>
    public static void WriteDefault(string directory)
    {
        Directory.CreateDirectory(directory);
        var files = Render(new CreditDataGenerator().Generate());
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }
    }
}
