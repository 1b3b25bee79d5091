package io.github.serviceaccounts.rest;

import io.github.serviceaccounts.access.Action;
import io.github.serviceaccounts.access.Role;
import io.github.serviceaccounts.access.Scope;
import io.github.serviceaccounts.accounts.Owner;
import io.github.serviceaccounts.directory.Member;
import io.github.serviceaccounts.directory.OrgUnit;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/** {@code .../members}: the users and service accounts of one organization or project, one role each. */
@Produces(MediaType.APPLICATION_JSON)
public final class MembersResource {

    private static final Set<String> NEW_MEMBER = Set.of("email", "userId", "role");
    private static final Set<String> ROLE_ONLY = Set.of("role");

    private final Context context;
    private final Guard guard;
    private final OrgUnit unit;
    private final String unitPath;

    MembersResource(Context context, OrgUnit unit, String unitPath) {
        this.context = context;
        this.guard = context.guard();
        this.unit = unit;
        this.unitPath = unitPath;
    }

    @GET
    public List<MemberRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max,
            @QueryParam("search") String search) {
        guard.require(unit, Action.READ);
        List<Member> members = context.members().list(unit, Paging.page(first, max, search));
        Map<String, Owner> owners = context.accounts().owners(members.stream()
                .map(Member::serviceAccountClientId).filter(Objects::nonNull).toList());
        return members.stream()
                .map(m -> MemberRepresentation.of(m, m.serviceAccountClientId() == null ? null
                        : owners.get(m.serviceAccountClientId())))
                .toList();
    }

    /** Adds a user or service account, found by {@code email} or {@code userId}, with one role. */
    @POST
    public Response add(String body) {
        guard.require(unit, Action.MANAGE_MEMBERS);
        Body json = context.body(body, NEW_MEMBER);
        Role role = role(json);
        UserModel user = newMember(json);
        requireMayGrant(role);
        MemberRepresentation added = representation(context.members().add(unit, user, role));
        context.accounts().revokeTokensOfUser(user);
        record(OperationType.CREATE, added);
        return context.created(added.id(), added);
    }

    @GET
    @Path("{memberId}")
    public MemberRepresentation get(@PathParam("memberId") String memberId) {
        guard.require(unit, Action.READ);
        return representation(existing(memberId));
    }

    @PUT
    @Path("{memberId}")
    public MemberRepresentation changeRole(@PathParam("memberId") String memberId, String body) {
        guard.require(unit, Action.MANAGE_MEMBERS);
        Role role = role(context.body(body, ROLE_ONLY));
        Member member = existing(memberId);
        requireMayChange(member);
        requireMayGrant(role);
        UserModel user = context.session().users().getUserById(context.realm(), member.id());
        MemberRepresentation changed = context.members()
                .changeRole(unit, user, role, guard.caller().mayRemoveLastOrganizationAdmin())
                .map(this::representation).orElseThrow(Problems::notFound);
        context.accounts().revokeTokensOfUser(user);
        record(OperationType.UPDATE, changed);
        return changed;
    }

    @DELETE
    @Path("{memberId}")
    public Response remove(@PathParam("memberId") String memberId) {
        guard.require(unit, Action.MANAGE_MEMBERS);
        Member member = existing(memberId);
        requireMayChange(member);
        UserModel user = context.session().users().getUserById(context.realm(), member.id());
        if (!context.members().remove(unit, user, guard.caller().mayRemoveLastOrganizationAdmin())) {
            throw Problems.notFound();
        }
        context.accounts().revokeTokensOfUser(user);
        record(OperationType.DELETE, representation(member));
        return Response.noContent().build();
    }

    private Role role(Body json) {
        String id = json.requiredText("role");
        Role role = Role.fromId(id).orElseThrow(() -> Problems.invalid("role", "unknown role; one of " + rolesOf(unit.scope())));
        if (role.scope() != unit.scope()) {
            throw Problems.invalid("role", role + " is not a role here; one of " + rolesOf(unit.scope()));
        }
        return role;
    }

    private UserModel newMember(Body json) {
        if (json.has("email") == json.has("userId")) {
            throw Problems.invalidBody("Give exactly one of email and userId");
        }
        UserModel user = json.has("email") ? userByEmail(json.text("email").strip()) : userById(json.text("userId"));
        if (user == null) {
            throw json.has("email")
                    ? Problems.invalid("email", "nobody in this realm has this email address; check the spelling, or"
                            + " ask the person to sign in once so that their account exists")
                    : Problems.invalid("userId", "no user or service account of this realm has this id");
        }
        if (user.getServiceAccountClientLink() != null && context.accounts().ofUser(user).isEmpty()) {
            // A client's service-account user is a member only if the client is one of the extension's accounts.
            throw Problems.invalid(json.has("email") ? "email" : "userId", "belongs to a Keycloak client that is not"
                    + " a service account of this extension; create a service account instead");
        }
        return user;
    }

    private UserModel userByEmail(String email) {
        return email.isEmpty() ? null : context.session().users().getUserByEmail(context.realm(), email);
    }

    private MemberRepresentation representation(Member member) {
        String client = member.serviceAccountClientId();
        return MemberRepresentation.of(member, client == null ? null : context.accounts().owners(List.of(client)).get(client));
    }

    private Member existing(String memberId) {
        UserModel user = userById(memberId);
        if (user == null) {
            throw Problems.notFound();
        }
        return context.members().find(unit, user).orElseThrow(Problems::notFound);
    }

    private UserModel userById(String id) {
        return id == null || id.isEmpty() || id.length() > 36 ? null
                : context.session().users().getUserById(context.realm(), id);
    }

    private void requireMayGrant(Role role) {
        if (!guard.caller().mayGrant(guard.effectiveIn(unit), role, unit.scope())) {
            throw Problems.forbidden();
        }
    }

    private void requireMayChange(Member member) {
        if (!guard.caller().mayChange(guard.effectiveIn(unit), member.role(), unit.scope())) {
            throw Problems.forbidden();
        }
    }

    private void record(OperationType operation, MemberRepresentation member) {
        context.events().record(operation, member, unitPath, unit.id(), "members", member.id());
    }

    private static List<String> rolesOf(Scope scope) {
        return Arrays.stream(Role.values()).filter(r -> r.scope() == scope).map(Role::id).toList();
    }

    // Paths and methods the API does not have answer in its own error shape (see Fallback).

    @Path("")
    public Fallback otherMethodsOfList() {
        return Fallback.methodNotAllowed();
    }

    @Path("{memberId}")
    public Fallback otherMethodsOfOne() {
        return Fallback.methodNotAllowed();
    }

    @Path("{memberId}/{rest: .+}")
    public Fallback unknownPath() {
        return Fallback.notFound();
    }
}
