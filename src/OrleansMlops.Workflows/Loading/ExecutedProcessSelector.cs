using System.Xml.Linq;

namespace OrleansMlops.Workflows;

/// <summary>
/// Chooses the one process of a file that runs: the one named by <see cref="BpmnLoadOptions.ProcessId"/>, else the only
/// process, else the only one marked <c>isExecutable="true"</c>. Other pools of a collaboration are documentation of
/// partners (a customer, a bank) and are neither executed nor validated.
/// </summary>
internal static class ExecutedProcessSelector
{
    public static XElement? Select(XElement definitions, BpmnLoadOptions options, ProblemList problems)
    {
        var processes = definitions.Elements(BpmnNames.Model + "process").ToList();
        if (options.ProcessId is { } wanted)
        {
            var named = processes.Find(process => process.Id() == wanted);
            if (named is null)
            {
                problems.Add(definitions, $"the file has no process with id '{wanted}'");
            }

            return named;
        }

        switch (processes.Count)
        {
            case 0:
                problems.Add(definitions, "the file has no process");
                return null;
            case 1:
                return processes[0];
        }

        var executable = processes.Where(process => process.Flag("isExecutable", fallback: false)).ToList();
        if (executable.Count == 1)
        {
            return executable[0];
        }

        var ids = string.Join(", ", processes.Select(process => $"'{process.Id()}'"));
        problems.Add(
            definitions,
            $"the file has {processes.Count} processes ({ids}) and {executable.Count} of them are marked "
            + "isExecutable=\"true\"; mark exactly one so it is clear which one runs");
        return null;
    }
}
