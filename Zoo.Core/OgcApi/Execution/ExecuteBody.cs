using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.OgcApi.Execution;

/// <summary>The subscriber of an execute request: where the kernel POSTs the job's progress, results or failure.</summary>
public sealed record Subscriber(Uri? SuccessUri, Uri? InProgressUri, Uri? FailedUri)
{
    public bool IsEmpty => SuccessUri is null && InProgressUri is null && FailedUri is null;
}

/// <summary>
/// An execute request's body, read: the request in the shape every runtime takes (<see cref="ExecuteRequest"/>),
/// the <c>response</c> member when the client wrote one, and the subscriber.
/// </summary>
public sealed record ExecuteBody(ExecuteRequest Request, ResponseKind? Response, Subscriber Subscriber);
