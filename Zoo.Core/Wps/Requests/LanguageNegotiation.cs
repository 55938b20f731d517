using Zoo.Core.Cgi;
using Zoo.Core.Configuration;

namespace Zoo.Core.Wps.Requests;

/// <summary>
/// ZOO's language choice: the <c>language</c> parameter (or 2.0 <c>AcceptLanguages</c>), else the first
/// Accept-Language entry the server offers, else [main] language.
/// </summary>
public static class LanguageNegotiation
{
    public static string Choose(ConfigValues parameters, CgiRequest cgi, MainConfig config, List<OwsError> errors)
    {
        var offered = config.Languages.Append(config.DefaultLanguage).ToList();
        if ((parameters["language"] ?? parameters["AcceptLanguages"]) is { Length: > 0 } explicitLanguage)
        {
            if (Find(offered, explicitLanguage) is { } chosen)
                return chosen;
            errors.Add(Messages.UnsupportedLanguage(explicitLanguage));
            return config.DefaultLanguage;
        }
        if (cgi.Variable("HTTP_ACCEPT_LANGUAGE") is { } header)
        {
            foreach (var entry in header.Split(','))
            {
                var tag = entry.Split(';')[0].Trim();
                if (Find(offered, tag) is { } chosen)
                    return chosen;
            }
        }
        return config.DefaultLanguage;
    }

    private static string? Find(IEnumerable<string> offered, string language) =>
        offered.FirstOrDefault(o => o.Equals(language, StringComparison.OrdinalIgnoreCase));
}
