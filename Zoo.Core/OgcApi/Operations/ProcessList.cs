using Zoo.Core.Cgi;

namespace Zoo.Core.OgcApi.Operations;

// PLACEHOLDER: replaced by its owner before this lands.
public static class ProcessList
{
    public static CgiResponse Answer(ApiContext context) => throw new ApiException("NoApplicableCode", 501, "not built yet");
}
