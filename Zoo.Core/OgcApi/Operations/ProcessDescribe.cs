using Zoo.Core.Cgi;

namespace Zoo.Core.OgcApi.Operations;

// PLACEHOLDER: replaced by its owner before this lands.
public static class ProcessDescribe
{
    public static CgiResponse Answer(ApiContext context, string id) => throw new ApiException("NoApplicableCode", 501, "not built yet");
}
