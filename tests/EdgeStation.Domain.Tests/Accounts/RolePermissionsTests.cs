using EdgeStation.Domain.Accounts;

namespace EdgeStation.Domain.Tests.Accounts;

public sealed class RolePermissionsTests
{
    private static UserAccess As(Role role, params string[] grids) => new("someone", role, grids);

    [Theory]
    [InlineData("admin", Role.Admin)]
    [InlineData("official", Role.Official)]
    [InlineData("grid-worker", Role.GridWorker)]
    [InlineData("viewer", Role.Viewer)]
    [InlineData("engineer", Role.Engineer)]
    public void Roles_have_their_documented_names(string name, Role role)
    {
        Assert.Equal(name, RoleNames.Name(role));
        Assert.Equal(role, RoleNames.Parse(name));
    }

    [Fact]
    public void An_unknown_role_name_lists_the_roles()
    {
        var ex = Assert.Throws<AccountInputException>(() => RoleNames.Parse("root"));

        Assert.Contains("admin, official, grid-worker, viewer, engineer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_has_every_permission()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(RolePermissions.Has(Role.Admin, p)));
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Engineer)]
    public void Viewers_and_engineers_write_nothing_and_see_nothing_personal(Role role)
    {
        var user = As(role);

        Assert.False(user.CanWriteRecords);
        Assert.False(user.CanSeePersonal("grid-1"));
        Assert.True(user.Has(Permission.ReadRecords));
    }

    [Fact]
    public void Only_engineers_and_admins_read_metrics()
    {
        Assert.Equal([Role.Admin, Role.Engineer], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.ReadMetrics)));
    }

    [Fact]
    public void Admins_officials_and_engineers_acknowledge_alarms_and_grid_workers_and_viewers_do_not()
    {
        Assert.Equal([Role.Admin, Role.Official, Role.Engineer], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.AcknowledgeAlarms)));
    }

    [Fact]
    public void Only_engineers_and_admins_simulate_door_hardware()
    {
        Assert.Equal([Role.Admin, Role.Engineer], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.SimulateDoors)));
    }

    [Fact]
    public void Only_admins_give_and_take_access_rights()
    {
        Assert.Equal([Role.Admin], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.ManageAccess)));
    }

    [Fact]
    public void Only_engineers_and_admins_unlock_a_door_from_afar()
    {
        Assert.Equal([Role.Admin, Role.Engineer], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.UnlockDoors)));
    }

    [Fact]
    public void Only_admins_set_lockdown_or_free_passage()
    {
        Assert.Equal([Role.Admin], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.SetDoorMode)));
    }

    [Fact]
    public void Only_admins_manage_users()
    {
        Assert.Equal([Role.Admin], RoleNames.All.Where(r => RolePermissions.Has(r, Permission.ManageUsers)));
    }

    [Fact]
    public void An_official_sees_and_writes_every_grid()
    {
        var user = As(Role.Official);

        Assert.True(user.CanSeePersonal("grid-7"));
        Assert.True(user.CanWrite("grid-7"));
    }

    [Fact]
    public void A_grid_worker_sees_personal_fields_only_in_their_own_grids()
    {
        var user = As(Role.GridWorker, "grid-1", "grid-3");

        Assert.True(user.CanSeePersonal("grid-3"));
        Assert.False(user.CanSeePersonal("grid-2"));
        Assert.False(user.CanSeePersonal(null));
    }

    [Fact]
    public void A_grid_worker_writes_only_in_their_own_grids()
    {
        var user = As(Role.GridWorker, "grid-1");

        user.EnsureCanWrite("grid-1");
        var ex = Assert.Throws<AccessDeniedException>(() => user.EnsureCanWrite("grid-2"));
        Assert.Contains("grid-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_names_a_user_as_user_colon_name()
    {
        Assert.Equal("user:wangfang", new UserAccess("wangfang", Role.Official, []).Actor);
    }
}
