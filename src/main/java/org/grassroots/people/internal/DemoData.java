package org.grassroots.people.internal;

import java.util.List;

import org.grassroots.people.AccountManagement;
import org.grassroots.people.CreateAccount;
import org.grassroots.people.RoleGrant;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.units.CreateUnit;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitBoundaries;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data below the real districts, every unit marked as demo: Nan'an's streets and towns by
 * their real names (only 花园路街道's code 500108002 is verified; the others use codes from a
 * 5001089xx demo range), generated communities, district departments, a few Yuzhong streets, and
 * the demo accounts of the README.
 */
@Component
class DemoData {

	static final String PASSWORD = "grassroots-demo";

	private static final List<String> NANAN_STREETS = List.of("花园路街道", "铜元局街道", "南坪街道", "海棠溪街道",
			"龙门浩街道", "弹子石街道", "南山街道", "天文街道", "长生桥镇", "峡口镇", "鸡冠石镇", "迎龙镇", "广阳镇");

	private static final List<String> NANAN_ENGLISH = List.of("Huayuanlu Street", "Tongyuanju Street", "Nanping Street",
			"Haitangxi Street", "Longmenhao Street", "Danzishi Street", "Nanshan Street", "Tianwen Street",
			"Changshengqiao Town", "Xiakou Town", "Jiguanshi Town", "Yinglong Town", "Guangyang Town");

	private static final List<String> YUZHONG_STREETS = List.of("解放碑街道", "七星岗街道", "上清寺街道", "大溪沟街道");

	private static final List<String> YUZHONG_ENGLISH = List.of("Jiefangbei Street", "Qixinggang Street",
			"Shangqingsi Street", "Daxigou Street");

	private static final List<String> COMMUNITY_STEMS = List.of("南湖", "福红", "百子湾", "响水", "锦苑", "学府", "盘龙",
			"翠园", "金山", "新村");

	private static final List<String> YUZHONG_DEPARTMENTS = List.of("渝中区卫生健康委员会", "渝中区规划和自然资源局",
			"渝中区住房和城乡建设委员会", "渝中区市场监督管理局");

	private static final List<String> YUZHONG_DEPARTMENTS_EN = List.of("Yuzhong Health Commission",
			"Yuzhong Planning and Natural Resources Bureau", "Yuzhong Housing and Urban-Rural Development Commission",
			"Yuzhong Market Supervision Bureau");

	private static final List<String> NANAN_DEPARTMENTS = List.of("南岸区住房和城乡建设委员会", "南岸区规划和自然资源局",
			"南岸区城市管理局", "南岸区市场监督管理局", "南岸区卫生健康委员会", "重庆市公安局南岸区分局", "南岸区人力资源和社会保障局",
			"南岸区医疗保障局", "南岸区教育委员会", "南岸区民政局");

	private static final List<String> NANAN_DEPARTMENTS_EN = List.of("Nan'an Housing and Urban-Rural Development Commission",
			"Nan'an Planning and Natural Resources Bureau", "Nan'an Urban Management Bureau",
			"Nan'an Market Supervision Bureau", "Nan'an Health Commission", "Nan'an Public Security Bureau",
			"Nan'an Human Resources and Social Security Bureau", "Nan'an Medical Security Bureau",
			"Nan'an Education Commission", "Nan'an Civil Affairs Bureau");

	private final UnitManagement units;

	private final UnitBoundaries boundaries;

	private final AccountManagement accounts;

	DemoData(UnitManagement units, UnitBoundaries boundaries, AccountManagement accounts) {
		this.units = units;
		this.boundaries = boundaries;
		this.accounts = accounts;
	}

	@Transactional
	public void load() {
		Unit nanan = units.getByCode("500108", DataScope.CITY);
		Unit yuzhong = units.getByCode("500103", DataScope.CITY);
		for (int i = 0; i < NANAN_STREETS.size(); i++) {
			String code = i == 0 ? "500108002" : "5001089" + String.format("%02d", i);
			streetWithCommunities(nanan, code, NANAN_STREETS.get(i), NANAN_ENGLISH.get(i), i == 0 ? 6 : 3);
		}
		for (int i = 0; i < NANAN_DEPARTMENTS.size(); i++) {
			units.createDemo(new CreateUnit("500108-D" + String.format("%02d", i + 1), nanan.id(), NANAN_DEPARTMENTS.get(i),
					NANAN_DEPARTMENTS_EN.get(i), UnitLevel.DISTRICT, null, UnitKind.DEPARTMENT));
		}
		for (int i = 0; i < YUZHONG_STREETS.size(); i++) {
			streetWithCommunities(yuzhong, "5001039" + String.format("%02d", i + 1), YUZHONG_STREETS.get(i),
					YUZHONG_ENGLISH.get(i), 2);
		}
		// one department in Yuzhong, so that another district's officer can be refused (life events)
		for (int i = 0; i < YUZHONG_DEPARTMENTS.size(); i++) {
			units.createDemo(new CreateUnit("500103-D" + String.format("%02d", i + 1), yuzhong.id(), YUZHONG_DEPARTMENTS.get(i),
					YUZHONG_DEPARTMENTS_EN.get(i), UnitLevel.DISTRICT, null, UnitKind.DEPARTMENT));
		}
		boundaries.loadDemo();
		openAccounts();
	}

	private void streetWithCommunities(Unit district, String code, String name, String english, int communities) {
		Unit street = units.createDemo(new CreateUnit(code, district.id(), name, english, UnitLevel.STREET, null, null));
		String stem = name.replaceAll("(街道|镇)$", "");
		for (int c = 1; c <= communities; c++) {
			String community = COMMUNITY_STEMS.get(Math.floorMod(code.hashCode() + c, COMMUNITY_STEMS.size()));
			units.createDemo(new CreateUnit(code + String.format("%03d", c), street.id(), stem + community + "社区",
					english.replaceAll(" (Street|Town)$", "") + " Community " + c, UnitLevel.COMMUNITY, null, null));
		}
	}

	private void openAccounts() {
		open("city.admin", "市委主题教育办", "500000", RoleGrant.of(Role.CITY_ADMIN));
		open("nanan.admin", "南岸区主题教育办", "500108", RoleGrant.of(Role.UNIT_ADMIN));
		open("yuzhong.admin", "渝中区主题教育办", "500103", RoleGrant.of(Role.UNIT_ADMIN));
		open("huayuanlu.worker", "花园路街道 张工作人员", "500108002", RoleGrant.of(Role.CASEWORKER));
		open("nanan.cadre", "南岸区 刘领导干部", "500108", RoleGrant.of(Role.LEADING_CADRE));
		open("yuzhong.cadre", "渝中区 王领导干部", "500103", RoleGrant.of(Role.LEADING_CADRE));
		open("steering.group", "市第一巡回指导组", "500000",
				new RoleGrant(Role.STEERING_GROUP, ScopeKind.ASSIGNED, List.of("500108", "500103")));
		open("nanan.housing", "南岸区住建委 陈办事员", "500108-D01", RoleGrant.of(Role.CASEWORKER));
		open("jiefangbei.worker", "解放碑街道 赵工作人员", "500103901", RoleGrant.of(Role.CASEWORKER));
		open("member.li", "李党员", "500108002001", RoleGrant.of(Role.PARTY_MEMBER));
		open("resident.wang", "王居民", "500108002001", RoleGrant.of(Role.RESIDENT));
		// department officers of the life events' tasks (one per department), and a Yuzhong resident
		open("nanan.health", "南岸区卫健委 周办事员", "500108-D05", RoleGrant.of(Role.CASEWORKER));
		open("nanan.police", "南岸区公安分局 吴民警", "500108-D06", RoleGrant.of(Role.CASEWORKER));
		open("nanan.hrss", "南岸区人社局 郑办事员", "500108-D07", RoleGrant.of(Role.CASEWORKER));
		open("nanan.medins", "南岸区医保局 冯办事员", "500108-D08", RoleGrant.of(Role.CASEWORKER));
		open("nanan.planning", "南岸区规划自然资源局 何办事员", "500108-D02", RoleGrant.of(Role.CASEWORKER));
		open("cuiyuan.worker", "翠园社区 林社工", "500108002001", RoleGrant.of(Role.CASEWORKER));
		open("yuzhong.health", "渝中区卫健委 许办事员", "500103-D01", RoleGrant.of(Role.CASEWORKER));
		open("resident.zhao", "赵居民", "500103901001", RoleGrant.of(Role.RESIDENT));
		// the three separate administrators of the city, and Nan'an's own system and security administrators
		open("system.admin", "市大数据局 系统管理员", "500000", RoleGrant.of(Role.SYSTEM_ADMIN));
		open("security.admin", "市大数据局 安全管理员", "500000", RoleGrant.of(Role.SECURITY_ADMIN));
		open("security.auditor", "市大数据局 安全审计员", "500000", RoleGrant.of(Role.SECURITY_AUDITOR));
		open("nanan.sysadmin", "南岸区 系统管理员", "500108",
				new RoleGrant(Role.SYSTEM_ADMIN, ScopeKind.UNIT_AND_BELOW, List.of()));
		open("nanan.secadmin", "南岸区 安全管理员", "500108",
				new RoleGrant(Role.SECURITY_ADMIN, ScopeKind.UNIT_AND_BELOW, List.of()));
		open("yuzhong.sysadmin", "渝中区 系统管理员", "500103",
				new RoleGrant(Role.SYSTEM_ADMIN, ScopeKind.UNIT_AND_BELOW, List.of()));
	}

	private void open(String username, String name, String unitCode, RoleGrant role) {
		accounts.openAsSystem(new CreateAccount(username, name, unitCode, List.of(role), null, PASSWORD), true);
	}

}
