using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Processes;

public class ServiceRegistryTests
{
    private TempDirectory _temp = null!;
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _root = _temp.CreateDirectory("services");
        _temp.Write("outside.zcfg", "[outside]\n");
        _temp.Write("services/HelloPy.zcfg", "[HelloPy]\n");
        _temp.Write("services/Calculate.zcfg", "[Calculate]\n");
        _temp.Write("services/ogc/tests/Echo.zcfg", "[Echo]\n");
        _temp.Write("services/demo/WordCount.zcfg", "[WordCount]\n");
        _temp.Write("services/.Hidden.zcfg", "[Hidden]\n");
        _temp.Write("services/.hidden/Secret.zcfg", "[Secret]\n");
        _temp.Write("services/v1.2/Dotted.zcfg", "[Dotted]\n");
        _temp.Write("services/notes.txt", "not a service");
        _temp.Write("services/Backup.zcfg.bak", "[Backup]\n");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private ServiceRegistry Registry(params (string Name, string Path)[] includes) =>
        new(_root, new ConfigValues(includes.Select(i => KeyValuePair.Create(i.Name, i.Path))));

    private IEnumerable<string> Identifiers(ServiceRegistry registry) => registry.All().Select(e => e.Identifier);

    [Test]
    public void A_top_level_service_is_found()
    {
        Assert.That(Registry().Find("HelloPy")!.FilePath, Is.EqualTo(Path.Combine(_root, "HelloPy.zcfg")));
    }

    [Test]
    public void A_namespaced_service_is_found_in_its_directory()
    {
        Assert.That(Registry().Find("ogc.tests.Echo")!.FilePath, Is.EqualTo(Path.Combine(_root, "ogc", "tests", "Echo.zcfg")));
    }

    [Test]
    public void A_namespaced_service_keeps_its_prefix()
    {
        var entry = Registry().Find("ogc.tests.Echo")!;

        Assert.That((entry.Identifier, entry.MetaPath), Is.EqualTo(("ogc.tests.Echo", "ogc/tests")));
    }

    [Test]
    public void The_file_name_is_matched_without_regard_to_case()
    {
        Assert.That(Registry().Find("hellopy")!.FilePath, Is.EqualTo(Path.Combine(_root, "HelloPy.zcfg")));
    }

    [Test]
    public void An_unknown_service_is_null()
    {
        Assert.That(Registry().Find("Nope"), Is.Null);
    }

    [Test]
    public void A_service_in_an_unknown_namespace_is_null()
    {
        Assert.That(Registry().Find("nope.Echo"), Is.Null);
    }

    [Test]
    public void A_file_beside_the_root_is_never_found()
    {
        Assert.That(Registry().Find("outside"), Is.Null);
    }

    [TestCase("../outside")]
    [TestCase("..\\outside")]
    [TestCase("..outside")]
    [TestCase("...outside")]
    [TestCase("ogc..Echo")]
    [TestCase(".outside")]
    [TestCase("outside.")]
    [TestCase("")]
    [TestCase("/etc/passwd")]
    [TestCase("ogc/tests/Echo")]
    [TestCase("ogc\\tests\\Echo")]
    [TestCase("Hello\0Py")]
    [TestCase("HelloPy\0")]
    [TestCase("Hello Py")]
    [TestCase("*")]
    [TestCase("Hello?y")]
    public void A_malformed_identifier_finds_nothing(string identifier)
    {
        Assert.That(Registry().Find(identifier), Is.Null);
    }

    [Test]
    public void A_hidden_file_cannot_be_named()
    {
        Assert.That(Registry().Find(".Hidden"), Is.Null);
    }

    [Test]
    public void A_one_megabyte_identifier_finds_nothing()
    {
        Assert.That(Registry().Find(new string('a', 1024 * 1024)), Is.Null);
    }

    [Test]
    public void A_one_megabyte_identifier_of_many_segments_finds_nothing()
    {
        var identifier = string.Join('.', Enumerable.Repeat("a", 512 * 1024));

        Assert.That(Registry().Find(identifier), Is.Null);
    }

    [Test]
    public void A_namespace_never_reaches_a_file_beside_the_root()
    {
        // The identifier "outside" only ever resolves inside the root, whatever lies next to it.
        _temp.Write("services/sub/placeholder.txt", "");

        Assert.That(Registry().Find("sub.outside"), Is.Null);
    }

    [Test]
    public void All_lists_top_level_and_namespaced_services()
    {
        Assert.That(Identifiers(Registry()), Is.EquivalentTo(new[] { "Calculate", "HelloPy", "demo.WordCount", "ogc.tests.Echo" }));
    }

    [Test]
    public void All_lists_in_name_order_descending_into_directories_where_they_sort()
    {
        Assert.That(Identifiers(Registry()), Is.EqualTo(new[] { "Calculate", "HelloPy", "demo.WordCount", "ogc.tests.Echo" }));
    }

    [Test]
    public void All_skips_hidden_files_and_directories()
    {
        Assert.That(Identifiers(Registry()), Has.None.Contains("Hidden").And.None.Contains("Secret"));
    }

    [Test]
    public void All_skips_directories_with_a_dot()
    {
        Assert.That(Identifiers(Registry()), Has.None.Contains("Dotted"));
    }

    [Test]
    public void All_lists_only_files_ending_in_zcfg()
    {
        Assert.That(Identifiers(Registry()), Has.None.Contains("Backup").And.None.Contains("notes"));
    }

    [Test]
    public void Included_services_are_listed_first()
    {
        var external = _temp.Write("elsewhere/External.zcfg", "[External]\n");

        Assert.That(Identifiers(Registry(("External", external))).First(), Is.EqualTo("External"));
    }

    [Test]
    public void An_included_service_inside_the_root_is_not_listed_twice()
    {
        var included = Path.Combine(_root, "HelloPy.zcfg");

        Assert.That(Identifiers(Registry(("HelloPy", included))), Is.EqualTo(new[] { "HelloPy", "Calculate", "demo.WordCount", "ogc.tests.Echo" }));
    }

    [Test]
    public void An_include_naming_a_missing_file_is_skipped()
    {
        Assert.That(Identifiers(Registry(("Ghost", Path.Combine(_temp.Path, "ghost.zcfg")))), Has.None.EqualTo("Ghost"));
    }

    [Test]
    public void An_included_service_is_found_by_its_key()
    {
        var external = _temp.Write("elsewhere/some-file.zcfg", "[External]\n");

        Assert.That(Registry(("External", external)).Find("External")!.FilePath, Is.EqualTo(external));
    }

    [Test]
    public void An_included_service_takes_precedence_over_the_tree()
    {
        var external = _temp.Write("elsewhere/HelloPy.zcfg", "[HelloPy]\n");

        Assert.That(Registry(("HelloPy", external)).Find("HelloPy")!.FilePath, Is.EqualTo(external));
    }

    [Test]
    public void For_uses_the_service_path_and_include_section_of_main_cfg()
    {
        var external = _temp.Write("elsewhere/External.zcfg", "[External]\n");
        var config = TestRequests.Config($"[main]\nservicePath={_root}\n[include]\nExternal={external}\n");

        Assert.That(Identifiers(ServiceRegistry.For(config)).First(), Is.EqualTo("External"));
    }

    [TestCase("HelloPy", true)]
    [TestCase("Reverse-Text", true)]
    [TestCase("snake_case9", true)]
    [TestCase("..", false)]
    [TestCase("a/b", false)]
    [TestCase("a\\b", false)]
    [TestCase("", false)]
    [TestCase("a\0", false)]
    [TestCase("é", false)]
    public void A_segment_is_safe_only_when_made_of_letters_digits_underscore_and_dash(string segment, bool safe)
    {
        Assert.That(ServiceRegistry.IsSafeSegment(segment), Is.EqualTo(safe));
    }

    [Test]
    public void A_segment_longer_than_255_characters_is_not_safe()
    {
        Assert.That(ServiceRegistry.IsSafeSegment(new string('a', 256)), Is.False);
    }
}
