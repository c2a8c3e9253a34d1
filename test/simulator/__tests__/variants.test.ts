import type { Simulator } from '../index';
import { startSimulator } from '../index';
import { NO_VARIANTS } from '../state';
import { ADMIN, call, XSRF } from './helpers';

/** The switches of README "Variants", set over the control endpoint as a workflow run or a demo would. */
describe('simulator variants', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	const A = () => `${sim.url}/rest/authconfig/1.0`;
	const setVariants = async (variants: object) =>
		await call(`${sim.url}/__simulator/state`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { variants },
		});

	it('are all off by default and after a reset', async () => {
		// The ten switches of README "Variants", each off.
		expect(sim.state.variants).toEqual(NO_VARIANTS);
		expect(Object.values(NO_VARIANTS)).toEqual(Array(10).fill(false));
		await setVariants({ ignorePaging: true });
		expect(sim.state.variants.ignorePaging).toBe(true);
		sim.reset();
		expect(sim.state.variants.ignorePaging).toBe(false);
	});

	it('emptyMutationAnswers: a DELETE answered 204 with no body, the IdP deleted all the same', async () => {
		await setVariants({ emptyMutationAnswers: true });
		const deleted = await call(`${A()}/idps/2`, {
			method: 'DELETE',
			headers: { ...ADMIN, ...XSRF },
		});
		expect([deleted.status, deleted.text]).toEqual([204, '']);
		expect(sim.state.authconfig.idps.some((i) => i.id === 2)).toBe(false);
	});

	it('ignorePaging: the second page is the first again, never the last', async () => {
		await setVariants({ ignorePaging: true });
		const first = (await call(`${A()}/idps?start=0&limit=2`, { headers: ADMIN })).json() as {
			results: Array<{ id: number }>;
			isLastPage: boolean;
		};
		const second = (
			await call(`${A()}/idps?start=2&limit=2`, { headers: ADMIN })
		).json() as typeof first;
		expect(second.results.map((i) => i.id)).toEqual(first.results.map((i) => i.id));
		expect(second.isLastPage).toBe(false);
	});

	it('replaceNestedObjects: a PATCH of one JIT field drops the others', async () => {
		await setVariants({ replaceNestedObjects: true });
		await call(`${A()}/idps/3`, {
			method: 'PATCH',
			headers: { ...ADMIN, ...XSRF, 'Content-Type': 'application/json' },
			body: { 'jit-configuration': { 'mapping-email': 'x' } },
		});
		expect(sim.state.authconfig.idps.find((i) => i.id === 3)!['jit-configuration']).toEqual({
			'mapping-email': 'x',
		});
	});

	it('Tomcat refuses %2F with a bare HTML 400 unless allowEncodedSlash', async () => {
		const path = `${sim.url}/rest/ksso/api/idp/1.0/managedgroups/1ncq3jsPC74BGuNnfZPl/groups/Team%20A%2FOps`;
		const refused = await call(path, { headers: ADMIN });
		expect([refused.status, refused.headers.get('content-type')]).toEqual([
			400,
			'text/html;charset=utf-8',
		]);
		expect(refused.text).toMatch(/HTTP Status 400 – Bad Request/);
		await setVariants({ allowEncodedSlash: true });
		expect((await call(path, { headers: ADMIN })).status).toBe(204);
	});

	it('kantegaGroupsAsObjects: the managed-group list as {"groups": [{"name"}]}', async () => {
		await setVariants({ kantegaGroupsAsObjects: true });
		const list = await call(
			`${sim.url}/rest/ksso/api/idp/1.0/managedgroups/8xKQm2LpZr4TvW9sYb1E/groups`,
			{ headers: ADMIN },
		);
		expect(list.json()).toEqual({ groups: [{ name: 'confluence-users' }, { name: 'sales team' }] });
	});
});
