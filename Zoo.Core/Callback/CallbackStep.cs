namespace Zoo.Core.Callback;

/// <summary>The steps of a job ZOO's callback service hears about (spec/hpc.md §7), in the order they come.</summary>
public enum CallbackStep
{
    Analyze = 0,
    FetchingInputs = 1,
    UploadingInputs = 2,
    JobScript = 3,
    Submission = 4,
    DownloadingOutputs = 5,
    Finalize = 6,

    /// <summary>Started (0): the job failed; ended (1): it was dismissed.</summary>
    ErrorOrDismiss = 7,
}

/// <summary>Whether a step starts or ends: the second half of a callback's name.</summary>
public enum CallbackState
{
    Started = 0,
    Ended = 1,
}

/// <summary>One call to the callback service: its step, its state and its JSON body.</summary>
public sealed record CallbackCall(CallbackStep Step, CallbackState State, string Body)
{
    /// <summary>ZOO's name of the call, <c>&lt;step&gt;_&lt;state&gt;</c> (e.g. <c>4_1</c>).</summary>
    public string Name => $"{(int)Step}_{(int)State}";
}
