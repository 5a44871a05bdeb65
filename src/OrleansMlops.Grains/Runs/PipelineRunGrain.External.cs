using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.ExternalTasks;
using OrleansMlops.Abstractions.Runs;
using OrleansMlops.Abstractions.Workflows;
using OrleansMlops.Workflows;

namespace OrleansMlops.Grains.Runs;

// Stages done by external workers: the job is part of the run's state, its outcome arrives from the topic's queue.
public sealed partial class PipelineRunGrain
{
    public async Task<RunView> CompleteExternalJob(string jobId, JobCompletion completion)
    {
        if (WaitingFor(jobId) is not var (process, token, task, job))
        {
            // Applied before, or the stage no longer waits for this job: acknowledged, nothing happens twice.
            return await View();
        }

        S.ExternalJobs.Remove(token.TokenId);
        var details = new { job = jobId, topic = job.Topic, worker = completion.WorkerId, log = ExternalStage.Excerpt(completion.LogExcerpt) };
        if (JobCompletionRules.Problem(completion) is { } problem)
        {
            await FailStage(process, token, task, $"worker '{completion.WorkerId}' completed job {jobId}, but {problem}", details);
        }
        else
        {
            var trainer = S.Actors.GetValueOrDefault(RunRoles.Trainer) ?? S.StartedBy!;
            var result = ExternalStage.ResultOf(completion, process.Variables, trainer, clock.UtcNow);
            await CompleteStage(process, token, task, result, new Actor(completion.WorkerId, ["worker"], null), details);
        }

        await Drive();
        return await View();
    }

    public async Task<RunView> FailExternalJob(string jobId, string workerId, string error)
    {
        if (WaitingFor(jobId) is not var (process, token, task, job))
        {
            return await View();
        }

        S.ExternalJobs.Remove(token.TokenId);
        await FailStage(process, token, task, $"worker '{workerId}' gave up on job {jobId}: {error}", new { job = jobId, topic = job.Topic, worker = workerId });
        await Drive();
        return await View();
    }

    private (ProcessState Process, Token Token, StageTask Task, ExternalJob Job)? WaitingFor(string jobId)
    {
        if (S.Process is not { Status: ProcessStatus.Running } process)
        {
            return null;
        }

        foreach (var (tokenId, job) in S.ExternalJobs)
        {
            if (job.JobId == jobId && process.Tokens.FirstOrDefault(t => t.TokenId == tokenId && t.Status == TokenStatus.Running) is { } token)
            {
                return (process, token, (StageTask)_definition!.Nodes[token.NodeId], job);
            }
        }

        return null;
    }

    /// <summary>Records the job with the run (durably, audited), then hands it to the topic's queue.</summary>
    private async Task StartExternalJob(ProcessState process, Token token, StageTask task, string topic)
    {
        if (!ExternalStage.IsValidTopic(topic))
        {
            await FailStage(process, token, task, $"task '{task.Id}' names topic '{topic}'; a topic is lowercase letters, digits, '.', '_' or '-'", details: null);
            return;
        }

        var job = new ExternalJob(
            ExternalStage.JobId(RunId, task.Id, token.Activation, token.Attempt),
            topic,
            RunId,
            task.Id,
            task.Stage,
            token.Attempt,
            process.Variables,
            task.Properties,
            S.Model,
            clock.UtcNow);
        S.ExternalJobs[token.TokenId] = job;
        await Commit(
            "job.created",
            Actor.System,
            $"Stage {task.Stage} waits for a worker on topic {topic} (job {job.JobId})",
            [],
            new { job = job.JobId, topic, stage = task.Stage, attempt = token.Attempt });
        _unpublished.Add(token.TokenId);
        await PublishOpenJobs();
    }
}
