using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration;

public class MainConfigLocatorTests
{
    private TempDirectory _root = null!;
    private string _cwd = null!;
    private string _exe = null!;

    [SetUp]
    public void SetUp()
    {
        _root = new TempDirectory();
        _cwd = _root.CreateDirectory("cwd");
        _exe = _root.CreateDirectory("exe");
    }

    [TearDown]
    public void TearDown() => _root.Dispose();

    [Test]
    public void The_working_directory_is_searched_first()
    {
        var expected = _root.Write("cwd/main.cfg", "[main]\n");
        _root.Write("exe/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, null), Is.EqualTo(expected));
    }

    [Test]
    public void The_executable_directory_is_the_fallback()
    {
        var expected = _root.Write("exe/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, null), Is.EqualTo(expected));
    }

    [Test]
    public void Nothing_found_is_null()
    {
        Assert.That(MainConfigLocator.Find(_cwd, _exe, null), Is.Null);
    }

    [Test]
    public void A_metapath_leads_below_the_working_directory()
    {
        _root.Write("cwd/main.cfg", "[main]\n");
        var expected = _root.Write("cwd/a/b/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, "a/b"), Is.EqualTo(expected));
    }

    [Test]
    public void A_metapath_starting_with_dot_dot_is_refused()
    {
        _root.Write("x/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, "../x"), Is.Null);
    }

    [Test]
    public void A_metapath_with_dot_dot_inside_is_refused()
    {
        _root.Write("cwd/b/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, "a/../b"), Is.Null);
    }

    [Test]
    public void A_metapath_with_a_backslash_is_refused()
    {
        _root.Write("cwd/b/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, "a\\..\\b"), Is.Null);
    }

    [Test]
    public void An_absolute_metapath_never_reaches_the_absolute_location()
    {
        var elsewhere = _root.CreateDirectory("elsewhere");
        _root.Write("elsewhere/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, elsewhere), Is.Null);
    }

    [Test]
    public void A_refused_metapath_does_not_fall_back_to_the_working_directory()
    {
        _root.Write("cwd/main.cfg", "[main]\n");

        Assert.That(MainConfigLocator.Find(_cwd, _exe, "../cwd"), Is.Null);
    }
}
