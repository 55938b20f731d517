using Zoo.Core.Cgi;

namespace Zoo.Core.OgcApi.Operations;

// PLACEHOLDER: replaced by its owner before this lands.
public static class JobDismiss
{
    public static Task<CgiResponse> AnswerAsync(ApiContext context, string id) =>
        throw new ApiException("NoApplicableCode", 501, "not built yet");
}
